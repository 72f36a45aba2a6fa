import { RejectCode } from "@exchange/core";
import { Journal, recoverState } from "@exchange/journal";
import {
  busKeys,
  COMMAND_FIELD,
  commandIds,
  EngineClient,
  PROTOCOL_VERSION,
  REPLY_TO_FIELD,
  readReplyLines,
  stringifyWire,
} from "@exchange/protocol";
import {
  BASE,
  createEngineSandbox,
  EngineProcess,
  type EngineSandbox,
  QUOTE,
  referenceCommands,
  SYMBOL,
} from "@exchange/testkit";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let sandbox: EngineSandbox;
let engine: EngineProcess;
let client: EngineClient;
let redis: Redis;
let db: pg.Pool;

beforeAll(async () => {
  sandbox = await createEngineSandbox("engine");
  engine = await EngineProcess.start(sandbox, { ENGINE_SNAPSHOT_EVERY_COMMANDS: "5" });
  client = await EngineClient.connect({ redisUrl: sandbox.redisUrl, prefix: sandbox.redisPrefix });
  redis = new Redis(sandbox.redisUrl);
  db = new pg.Pool({ connectionString: sandbox.databaseUrl });
  for (const command of referenceCommands()) {
    expect((await client.send(command)).outcome.ok).toBe(true);
  }
});

afterAll(async () => {
  await client?.close();
  redis?.disconnect();
  await db?.end();
  await engine?.kill();
});

const deposit = (id: string, userId: number, amountAtoms: bigint, businessId = id) =>
  ({
    type: "balance.deposit",
    id,
    ts: 1_700_000_000_000,
    business: "deposit",
    businessId,
    userId,
    asset: QUOTE,
    amountAtoms,
  }) as const;

describe("engine commands over the bus", () => {
  it("answers system.ping without journaling it", async () => {
    const before = await engine.stateDigest();
    const reply = await client.send({ id: "ping-1", ts: 1, type: "system.ping" });
    expect(reply).toMatchObject({ id: "ping-1", seq: null, outcome: { ok: true } });
    expect((await engine.stateDigest()).seq).toBe(before.seq);
  });

  it("applies a deposit, journals it, and replies with its postings", async () => {
    const reply = await client.send(deposit("dep-1", 1, 5_000_000_000n));
    expect(reply.seq).toEqual(expect.any(Number));
    expect(reply.outcome).toMatchObject({ ok: true, repeated: false });
    const change = reply.outcome.events.find((e) => e.type === "balance.changed");
    expect(change).toMatchObject({ cause: "deposit" });
    const { rows } = await db.query("SELECT command_id, ok FROM engine_journal WHERE seq = $1", [
      reply.seq,
    ]);
    expect(rows).toEqual([{ command_id: "dep-1", ok: true }]);
  });

  it("answers a retried command id from the journal, applying it once", async () => {
    const first = await client.send(deposit("dep-retry", 2, 7n));
    const again = await client.send(deposit("dep-retry", 2, 7n));
    expect(again).toEqual(first);
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM engine_journal WHERE command_id = 'dep-retry'",
    );
    expect(rows[0].n).toBe(1);
  });

  it("applies a command once when two senders race with the same id", async () => {
    const other = await EngineClient.connect({
      redisUrl: sandbox.redisUrl,
      prefix: sandbox.redisPrefix,
    });
    const ids = Array.from({ length: 300 }, (_, i) => `race-${i}`);
    const replies = await Promise.all(
      ids.flatMap((id, i) => [
        client.send(deposit(id, 4, BigInt(i + 1))),
        other.send(deposit(id, 4, BigInt(i + 1))),
      ]),
    );
    await other.close();
    for (let i = 0; i < ids.length; i++) {
      expect(replies[2 * i + 1]?.seq).toBe(replies[2 * i]?.seq);
    }
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM engine_journal WHERE command_id LIKE 'race-%'",
    );
    expect(rows[0].n).toBe(ids.length);
    expect(engine.running).toBe(true);
  });

  it("applies a repeated business key once and says so", async () => {
    const first = await client.send(deposit("dep-key-a", 3, 11n, "tx-77:0"));
    const repeat = await client.send(deposit("dep-key-b", 3, 11n, "tx-77:0"));
    expect(first.outcome).toMatchObject({ ok: true, repeated: false });
    expect(repeat.outcome).toMatchObject({ ok: true, repeated: true, events: [] });
  });

  it("runs a savings position from subscription to redemption, each money move once", async () => {
    await client.send(deposit("dep-savings", 6, 1_000_000n));
    const key = (business: string, businessId: string) => ({ business, businessId, ts: 1 });
    const subscribe = {
      type: "savings.subscribe",
      id: commandIds.savingsSubscribe("sub-e1"),
      ...key("savings.subscribe", "sub-e1"),
      subscriptionId: "sub-e1",
      userId: 6,
      asset: QUOTE,
      amountAtoms: 400_000n,
    } as const;
    const payout = {
      type: "savings.payout",
      id: commandIds.savingsPayout("plan-e1"),
      ...key("savings.payout", "plan-e1"),
      subscriptionId: "sub-e1",
      interestAtoms: 1_095n,
      principalAtoms: 0n,
    } as const;
    const redeem = {
      type: "savings.redeem",
      id: commandIds.savingsRedeem("sub-e1"),
      ...key("savings.redeem", "sub-e1"),
      subscriptionId: "sub-e1",
      forfeitInterest: true,
      penaltyAtoms: 5n,
    } as const;
    for (const command of [subscribe, payout, redeem]) {
      const reply = await client.send(command);
      expect(reply.outcome).toMatchObject({ ok: true, repeated: false });
      // A retry, under the same command id, is answered from the journal.
      expect(await client.send(command)).toEqual(reply);
    }
    const sent = await client.send({ ...redeem, id: "redeem-again" });
    expect(sent.outcome).toMatchObject({ ok: true, repeated: true, events: [] });
    const late = await client.send({ ...payout, id: "payout-late", businessId: "plan-e2" });
    expect(late.outcome).toMatchObject({ ok: false, code: RejectCode.SavingsPositionNotFound });
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM engine_journal WHERE command_id LIKE 'savings:%'",
    );
    expect(rows[0].n).toBe(3);
  });

  it("rejects an order the core refuses, with its code, and journals the rejection", async () => {
    const reply = await client.send({
      type: "order.place",
      orderType: "limit",
      id: "too-big",
      ts: 1,
      userId: 9,
      symbol: SYMBOL,
      side: "buy",
      priceTicks: 5_000_000n,
      qtyLots: 10n,
    });
    expect(reply.outcome).toMatchObject({ ok: false, code: RejectCode.InsufficientBalance });
    expect(reply.seq).toEqual(expect.any(Number));
  });

  it("matches two users' orders and publishes the trade on engine.events", async () => {
    await client.send({ ...deposit("dep-seller", 20, 0n), asset: BASE, amountAtoms: 100_000_000n });
    await client.send(deposit("dep-buyer", 21, 100_000_000_000n));
    const order = {
      type: "order.place",
      orderType: "limit",
      ts: 2,
      symbol: SYMBOL,
      priceTicks: 5_000_000n,
      qtyLots: 10n,
    } as const;
    await client.send({ ...order, id: "sell-1", userId: 20, side: "sell" });
    const buy = await client.send({ ...order, id: "buy-1", userId: 21, side: "buy" });
    const trade = buy.outcome.events.find((e) => e.type === "trade");
    expect(trade).toMatchObject({
      priceTicks: 5_000_000n,
      qtyLots: 10n,
      makerUserId: 20,
      takerUserId: 21,
    });

    const entries = (await redis.xrange(busKeys(sandbox.redisPrefix).events, "-", "+")) as Array<
      [string, string[]]
    >;
    const published = entries.flatMap(
      ([, fields]) => JSON.parse(fields[1] ?? "{}").results as Array<{ seq: number; id: string }>,
    );
    expect(published.find((r) => r.id === "buy-1")?.seq).toBe(buy.seq);
    const seqs = published.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it("runs a stop order, an OCO list, an amendment and a cancel-all of every market", async () => {
    await client.send({ ...deposit("dep-stop-30", 30, 0n), asset: BASE, amountAtoms: 10n ** 8n });
    await client.send(deposit("dep-stop-31", 31, 10n ** 11n));
    const base = { type: "order.place", ts: 3, symbol: SYMBOL } as const;
    // The last trade was at 5 000 000 ticks (the test above): a stop sell below it waits.
    const stop = await client.send({
      ...base,
      id: "stop-1",
      orderType: "stopLimit",
      userId: 30,
      side: "sell",
      stopPriceTicks: 4_990_000n,
      priceTicks: 4_980_000n,
      qtyLots: 2n,
    });
    expect(stop.outcome.events[0]).toMatchObject({
      orderType: "limit",
      stopOrderType: "stopLimit",
    });
    const oco = await client.send({
      type: "order.placeOco",
      id: "oco-1",
      ts: 3,
      symbol: SYMBOL,
      userId: 31,
      side: "buy",
      qtyLots: 1n,
      priceTicks: 4_900_000n,
      stopPriceTicks: 5_100_000n,
      stopLimitPriceTicks: 5_110_000n,
    });
    const listIds = oco.outcome.events.flatMap((e) =>
      e.type === "order.accepted" ? [e.listId] : [],
    );
    expect(listIds).toHaveLength(2);
    expect(new Set(listIds).size).toBe(1);
    const resting = await client.send({
      ...base,
      id: "amend-me",
      orderType: "limit",
      userId: 31,
      side: "buy",
      priceTicks: 4_950_000n,
      qtyLots: 3n,
    });
    const orderId = resting.outcome.events.find((e) => e.type === "order.accepted")?.orderId ?? 0;
    const amend = await client.send({
      type: "order.amend",
      id: "amend-1",
      ts: 3,
      symbol: SYMBOL,
      userId: 31,
      orderId,
      qtyLots: 2n,
    });
    expect(amend.outcome.events[0]).toMatchObject({ type: "order.amended", keptPriority: true });
    const all = await client.send({
      type: "order.cancelAll",
      id: "cancel-all-31",
      ts: 3,
      userId: 31,
    });
    expect(all.outcome.events.filter((e) => e.type === "order.cancelled")).toHaveLength(3);
    await client.send({
      ...base,
      id: "ask-30",
      orderType: "limit",
      userId: 30,
      side: "sell",
      priceTicks: 4_990_000n,
      qtyLots: 1n,
    });
    const take = await client.send({
      ...base,
      id: "bid-31",
      orderType: "limit",
      userId: 31,
      side: "buy",
      priceTicks: 4_990_000n,
      qtyLots: 1n,
    });
    const triggered = take.outcome.events.find((e) => e.type === "order.triggered");
    expect(triggered).toMatchObject({ userId: 30, stopPriceTicks: 4_990_000n });
    expect(take.outcome.events.at(-1)).toMatchObject({
      type: "book.levelChanged",
      priceTicks: 4_980_000n,
      qtyLots: 2n,
    });
  });
});

describe("malformed commands", () => {
  it("rejects an unknown type with UnknownCommandType and keeps running", async () => {
    const reply = await client.send({ id: "bad-1", ts: 1, type: "order.teleport" } as never);
    expect(reply.outcome).toMatchObject({ ok: false, code: RejectCode.UnknownCommandType });
    expect((await client.send({ id: "ping-2", ts: 2, type: "system.ping" })).outcome.ok).toBe(true);
  });

  it("names the bad field of a malformed command", async () => {
    const reply = await client.send({ ...deposit("bad-2", 1, 1n), amountAtoms: "1.5" } as never);
    expect(reply.outcome).toMatchObject({ ok: false, code: RejectCode.InvalidCommand });
    expect(reply.outcome.ok === false && reply.outcome.message).toMatch(/^amountAtoms:/);
  });

  it("survives entries that are not JSON, and acknowledges them", async () => {
    const keys = busKeys(sandbox.redisPrefix);
    await redis.xadd(keys.commands, "*", COMMAND_FIELD, "{not json", REPLY_TO_FIELD, "nowhere");
    await redis.xadd(keys.commands, "*", "unexpected", "fields");
    expect((await client.send({ id: "ping-3", ts: 3, type: "system.ping" })).outcome.ok).toBe(true);
    await engine.waitForLog(/command is not valid JSON/);
    const pending = (await redis.xpending(keys.commands, keys.engineGroup)) as [number];
    expect(pending[0]).toBe(0);
  });

  it("refuses another protocol version", async () => {
    const keys = busKeys(sandbox.redisPrefix);
    const listener = new Redis(sandbox.redisUrl);
    const channel = `${sandbox.redisPrefix}test-replies`;
    await listener.subscribe(channel);
    const answer = new Promise<string>((resolve) =>
      listener.once("message", (_c, m) => resolve(m)),
    );
    const command = JSON.stringify({ v: 99, id: "v99", ts: 1, type: "system.ping" });
    await redis.xadd(keys.commands, "*", COMMAND_FIELD, command, REPLY_TO_FIELD, channel);
    // Replies arrive as lines of one message per batch and sender.
    const [reply] = readReplyLines(await answer);
    expect(reply?.id).toBe("v99");
    expect(JSON.parse(reply?.outcomeText ?? "")).toMatchObject({
      ok: false,
      code: RejectCode.InvalidCommand,
      message: expect.stringMatching(/version 99/),
    });
    listener.disconnect();
  });
});

describe("stream trimming", () => {
  const keys = () => busKeys(sandbox.redisPrefix);
  const waitFor = async (check: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`never saw ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it("trims engine.commands once its entries are acknowledged, so the stream does not grow", async () => {
    for (let i = 0; i < 20; i++) await client.send(deposit(`trim-${i}`, 5, 1n));
    await waitFor(async () => (await redis.xlen(keys().commands)) === 0, "an empty stream");
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM engine_journal WHERE command_id LIKE 'trim-%'",
    );
    expect(rows[0].n).toBe(20);
    expect(await engine.metrics()).toMatch(
      /^exchange_engine_commands_trimmed_total{app="engine"} [1-9]\d*$/m,
    );
  });

  it("never trims an entry still pending in the group, even another consumer's", async () => {
    const { commands, engineGroup } = keys();
    // A consumer of the group that read an entry and died before acknowledging it (XADD and
    // read in one transaction, so the engine's blocked read cannot take it first).
    const wire = stringifyWire({ v: PROTOCOL_VERSION, ...deposit("orphan", 5, 1n) });
    const [[, orphanId]] = (await redis
      .multi()
      .xadd(commands, "*", COMMAND_FIELD, wire, REPLY_TO_FIELD, "nowhere")
      .xreadgroup("GROUP", engineGroup, "crashed-consumer", "COUNT", 1, "STREAMS", commands, ">")
      .exec()) as [[null, string], unknown];
    for (let i = 0; i < 5; i++) await client.send(deposit(`after-orphan-${i}`, 5, 1n));
    await new Promise((r) => setTimeout(r, 2_500));
    const kept = (await redis.xrange(commands, "-", "+")) as Array<[string, string[]]>;
    expect(kept[0]?.[0]).toBe(orphanId);
    expect(kept).toHaveLength(6);

    await redis.xack(commands, engineGroup, orphanId);
    await waitFor(async () => (await redis.xlen(commands)) === 0, "the stream trimmed past it");
  });
});

describe("durability", () => {
  it("takes snapshots while running", async () => {
    await engine.waitForLog(/snapshot saved/);
    const { rows } = await db.query("SELECT count(*)::int AS n FROM engine_snapshots");
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it("restarts past a pending entry that was deleted from the stream, instead of crashing on it", async () => {
    const { commands, engineGroup } = busKeys(sandbox.redisPrefix);
    await engine.stop();
    // Read by this engine's consumer, never acknowledged, then deleted (by hand or a trim).
    const [[, lostId]] = (await redis
      .multi()
      .xadd(commands, "*", COMMAND_FIELD, "{}", REPLY_TO_FIELD, "nowhere")
      .xreadgroup("GROUP", engineGroup, "engine-1", "COUNT", 1, "STREAMS", commands, ">")
      .exec()) as [[null, string], unknown];
    await redis.xdel(commands, lostId);
    engine = await EngineProcess.start(sandbox, { ENGINE_SNAPSHOT_EVERY_COMMANDS: "5" });
    expect((await client.send({ id: "ping-lost", ts: 1, type: "system.ping" })).outcome.ok).toBe(
      true,
    );
    expect(engine.running).toBe(true);
    const pending = (await redis.xpending(commands, engineGroup)) as [number];
    expect(pending[0]).toBe(0);
  });

  it("restarts into the same state, from snapshot plus journal, and equal to a full replay", async () => {
    const before = await engine.stateDigest();
    expect(await engine.stop()).toBe(0);
    expect(engine.log).toContain("engine stopped");
    engine = await EngineProcess.start(sandbox, { ENGINE_SNAPSHOT_EVERY_COMMANDS: "5" });
    expect(await engine.stateDigest()).toEqual(before);
    const replayed = await recoverState(new Journal(db), null);
    expect(replayed.seq).toBe(before.seq);
    expect(replayed.core.stateHash()).toBe(before.stateHash);
    const next = await client.send(deposit("after-restart", 1, 1n));
    expect(next.seq).toBe(before.seq + 1);
  });

  it("republishes outcomes that never reached engine.events", async () => {
    const keys = busKeys(sandbox.redisPrefix);
    const { seq } = await engine.stateDigest();
    await engine.stop();
    await redis.del(keys.events);
    engine = await EngineProcess.start(sandbox);
    await engine.waitForLog(/republished/);
    const entries = (await redis.xrange(keys.events, "-", "+")) as Array<[string, string[]]>;
    const last = JSON.parse(entries.at(-1)?.[1][1] ?? "{}") as { to: number };
    expect(last.to).toBe(seq);
  });

  it("refuses to start when the snapshot does not match its recorded hash", async () => {
    await engine.stop();
    await db.query(
      "UPDATE engine_snapshots SET state_hash = 'tampered' WHERE seq = (SELECT max(seq) FROM engine_snapshots)",
    );
    const refused = await EngineProcess.start(sandbox);
    expect(await refused.exited).toBe(1);
    expect(refused.log).toMatch(/refusing to start.*not the recorded tampered/);
  });

  it("refuses to start when the journal has a gap", async () => {
    await db.query("DELETE FROM engine_snapshots");
    await db.query("DELETE FROM engine_journal WHERE seq = 2");
    const refused = await EngineProcess.start(sandbox);
    expect(await refused.exited).toBe(1);
    expect(refused.log).toMatch(/refusing to start.*skips from seq 1 to seq 3/);
  });
});
