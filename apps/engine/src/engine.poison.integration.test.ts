import { RejectCode } from "@exchange/core";
import { Journal, recoverState, SET_ASIDE_MESSAGE } from "@exchange/journal";
import {
  busKeys,
  COMMAND_FIELD,
  EngineClient,
  PROTOCOL_VERSION,
  REPLY_TO_FIELD,
  readReplyLines,
  stringifyWire,
} from "@exchange/protocol";
import {
  createEngineSandbox,
  EngineProcess,
  type EngineSandbox,
  QUOTE,
  referenceCommands,
} from "@exchange/testkit";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The command the engine is told to throw on, as a bug in the core would. */
const POISON_ID = "poison-1";
const FAULT = { NODE_ENV: "test", ENGINE_TEST_FAULT_COMMAND_ID: POISON_ID };

let sandbox: EngineSandbox;
let engine: EngineProcess;
let client: EngineClient;
let redis: Redis;
let listener: Redis;
let db: pg.Pool;

const deposit = (id: string, userId: number, amountAtoms: bigint) =>
  ({
    type: "balance.deposit",
    id,
    ts: 1_700_000_000_000,
    business: "deposit",
    businessId: id,
    userId,
    asset: QUOTE,
    amountAtoms,
  }) as const;

beforeAll(async () => {
  sandbox = await createEngineSandbox("poison");
  engine = await EngineProcess.start(sandbox, FAULT);
  client = await EngineClient.connect({ redisUrl: sandbox.redisUrl, prefix: sandbox.redisPrefix });
  redis = new Redis(sandbox.redisUrl);
  listener = new Redis(sandbox.redisUrl);
  db = new pg.Pool({ connectionString: sandbox.databaseUrl });
  for (const command of referenceCommands()) {
    expect((await client.send(command)).outcome.ok).toBe(true);
  }
  expect((await client.send(deposit("dep-1", 1, 1_000_000n))).outcome.ok).toBe(true);
});

afterAll(async () => {
  await client?.close();
  redis?.disconnect();
  listener?.disconnect();
  await db?.end();
  await engine?.kill();
});

const stopsOf = async (commandId: string) => {
  const { rows } = await db.query(
    "SELECT stops, entry_id, error FROM engine_poison_commands WHERE command_id = $1",
    [commandId],
  );
  return rows[0] as { stops: number; entry_id: string; error: string } | undefined;
};

describe("a command that throws in the core", () => {
  it("cannot crash-loop the engine: two stops, then answered InternalError, dead-lettered, funds unchanged", async () => {
    const keys = busKeys(sandbox.redisPrefix);
    const before = await engine.stateDigest();
    const channel = `${sandbox.redisPrefix}poison-replies`;
    await listener.subscribe(channel);
    const answer = new Promise<string>((resolve) =>
      listener.once("message", (_c, m) => resolve(m)),
    );
    const wire = stringifyWire({ v: PROTOCOL_VERSION, ...deposit(POISON_ID, 1, 5n) });
    const entryId = await redis.xadd(
      keys.commands,
      "*",
      COMMAND_FIELD,
      wire,
      REPLY_TO_FIELD,
      channel,
    );

    // First throw: the engine stops, naming the command, and counts the stop durably.
    expect(await engine.exited).toBe(1);
    expect(engine.log).toMatch(/"level":"fatal".*"commandId":"poison-1".*"stops":1/);
    expect(await stopsOf(POISON_ID)).toMatchObject({ stops: 1, entry_id: entryId });
    expect((await stopsOf(POISON_ID))?.error).toMatch(/injected fault/);
    // Sent while the engine is down, it waits behind the poison command (it changes nothing:
    // the asset does not exist, so the state stays comparable).
    const queued = client.send(
      { ...deposit("queued-1", 2, 4n), asset: "XYZ" },
      { timeoutMs: 60_000 },
    );

    // A restart retries it (the entry is still pending): it throws again and stops again.
    engine = await EngineProcess.start(sandbox, FAULT);
    expect(await engine.exited).toBe(1);
    expect((await stopsOf(POISON_ID))?.stops).toBe(2);
    const { rows: none } = await db.query("SELECT 1 FROM engine_journal WHERE command_id = $1", [
      POISON_ID,
    ]);
    expect(none).toEqual([]);

    // The third start sets it aside: the sender gets InternalError, nothing is applied.
    engine = await EngineProcess.start(sandbox, FAULT);
    expect(engine.log).toMatch(/will be set aside","commandIds":\["poison-1"\]/);
    // Replies arrive as lines of one message per batch and sender.
    const [reply] = readReplyLines(await answer);
    expect(reply).toMatchObject({ id: POISON_ID, seq: before.seq + 1 });
    expect(JSON.parse(reply?.outcomeText ?? "")).toMatchObject({
      ok: false,
      code: RejectCode.InternalError,
      message: SET_ASIDE_MESSAGE,
    });
    expect(JSON.stringify(reply)).not.toMatch(/injected fault/);
    const { rows } = await db.query(
      "SELECT seq, ok, outcome FROM engine_journal WHERE command_id = $1",
      [POISON_ID],
    );
    expect(rows).toMatchObject([{ seq: String(before.seq + 1), ok: false }]);
    expect(JSON.parse(rows[0].outcome)).toMatchObject({ code: RejectCode.InternalError });

    const dead = (await redis.xrange(keys.deadLetters, "-", "+")) as Array<[string, string[]]>;
    expect(dead).toHaveLength(1);
    const fields = Object.fromEntries(
      (dead[0]?.[1] ?? []).flatMap((v, i, all) => (i % 2 ? [] : [[v, all[i + 1]]])),
    );
    expect(fields).toMatchObject({
      id: POISON_ID,
      entry: entryId,
      stops: "2",
      [COMMAND_FIELD]: wire,
    });
    expect(fields.error).toMatch(/injected fault/);
    expect(await queued).toMatchObject({
      seq: before.seq + 2,
      outcome: { ok: false, code: RejectCode.UnknownAsset },
    });
    expect(await engine.metrics()).toMatch(
      /^exchange_engine_commands_set_aside_total{app="engine"} 1$/m,
    );
    await engine.waitForLog(/"level":"fatal","service":"engine","msg":"set aside a command/);

    // Nobody's funds moved: the state is the one before the poison command, and a replay of
    // the journal (which does not apply the set-aside command) reproduces it.
    const after = await engine.stateDigest();
    expect(after).toEqual({ seq: before.seq + 2, stateHash: before.stateHash });
    const replayed = await recoverState(new Journal(db), null);
    expect(replayed.core.stateHash()).toBe(before.stateHash);

    // The exchange keeps serving new commands, and a retry of the poison command gets the same answer.
    const next = await client.send(deposit("after-1", 2, 3n));
    expect(next).toMatchObject({ seq: before.seq + 3, outcome: { ok: true } });
    expect((await client.send(deposit(POISON_ID, 1, 5n))).outcome).toEqual(
      JSON.parse(reply?.outcomeText ?? ""),
    );
    expect(engine.running).toBe(true);
  });

  it("restarts cleanly past a set-aside command (replay does not apply it)", async () => {
    const before = await engine.stateDigest();
    expect(await engine.stop()).toBe(0);
    engine = await EngineProcess.start(sandbox, FAULT);
    expect(await engine.stateDigest()).toEqual(before);
    expect(engine.log).not.toMatch(/"level":"fatal"/);
    expect(engine.log).not.toMatch(/will be set aside/);
  });
});

describe("recovery", () => {
  it("refuses to start when a replayed event differs from the journaled one, naming the seq", async () => {
    await engine.stop();
    await db.query("DELETE FROM engine_snapshots");
    const { rows } = await db.query(
      `UPDATE engine_journal SET outcome = replace(outcome, '"businessId":"after-1"', '"businessId":"forged"')
       WHERE command_id = 'after-1' RETURNING seq`,
    );
    expect(rows).toHaveLength(1);
    const refused = await EngineProcess.start(sandbox);
    expect(await refused.exited).toBe(1);
    expect(refused.log).toMatch(
      new RegExp(
        `refusing to start.*replaying seq ${rows[0].seq} \\(after-1\\) gives another outcome.*forged`,
      ),
    );
  });
});
