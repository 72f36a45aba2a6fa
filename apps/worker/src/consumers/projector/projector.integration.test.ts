import { Journal } from "@exchange/journal";
import { busKeys, createLogger, EngineClient } from "@exchange/protocol";
import {
  createEngineSandbox,
  EngineProcess,
  type EngineSandbox,
  referenceCommands,
  tradingWorkload,
} from "@exchange/testkit";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcile } from "../../jobs/reconciliation/reconcile";
import { runAlone } from "../consumer";
import { Projector } from "./projector";

let sandbox: EngineSandbox;
let engine: EngineProcess;
let client: EngineClient;
let redis: Redis;
let pool: pg.Pool;
const workload = tradingWorkload({ seed: 42, users: 8, idPrefix: "proj" });

async function sendWorkload(count: number): Promise<number> {
  let trades = 0;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const command = workload.next().value;
    if (!command) break;
    pending.push(
      client.send(command).then((reply) => {
        trades += reply.outcome.events.filter((e) => e.type === "trade").length;
      }),
    );
    if (pending.length >= 50) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return trades;
}

function startProjector() {
  const projector = new Projector({
    pool,
    redis,
    keys: busKeys(sandbox.redisPrefix),
    journal: new Journal(pool),
    log: createLogger("projector-test", "error"),
  });
  const running = runAlone(projector);
  return { projector, running };
}

async function caughtUp(projector: Projector): Promise<void> {
  const { seq } = await engine.stateDigest();
  const deadline = Date.now() + 20_000;
  while (projector.projectedSeq < seq) {
    if (Date.now() > deadline)
      throw new Error(`projector at ${projector.projectedSeq}, engine at ${seq}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  sandbox = await createEngineSandbox("projector");
  engine = await EngineProcess.start(sandbox);
  client = await EngineClient.connect({ redisUrl: sandbox.redisUrl, prefix: sandbox.redisPrefix });
  redis = new Redis(sandbox.redisUrl);
  pool = new pg.Pool({ connectionString: sandbox.databaseUrl });
  for (const command of referenceCommands()) await client.send(command);
});

afterAll(async () => {
  await client?.close();
  redis?.disconnect();
  await pool?.end();
  await engine?.kill();
});

describe("projector", () => {
  let first: ReturnType<typeof startProjector>;
  let trades = 0;

  it("projects a live workload: every trade, and books that reconcile with the engine", async () => {
    first = startProjector();
    trades += await sendWorkload(1_500);
    await caughtUp(first.projector);
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM trades");
    expect(trades).toBeGreaterThan(10);
    expect(rows[0].n).toBe(trades);
    const report = await reconcile(pool, new Journal(pool), { maxLagMs: 60_000 });
    expect(report.differences).toEqual([]);
    expect(Object.values(report.assetTotals)).toEqual(["0", "0"]);
  });

  it("matches open orders in the read model with the engine's resting orders", async () => {
    const { rows } = await pool.query(
      "SELECT count(*)::int AS n FROM orders WHERE status IN ('OPEN', 'PARTIALLY_FILLED')",
    );
    const { rows: frozen } = await pool.query(
      "SELECT coalesce(sum(balance_atoms), 0)::text AS total FROM account_balances WHERE account = 'frozen'",
    );
    expect(rows[0].n).toBeGreaterThan(0);
    expect(BigInt(frozen[0].total)).toBeGreaterThan(0n);
  });

  it("catches up after its own restart without skipping or repeating", async () => {
    first.projector.stop();
    await first.running;
    trades += await sendWorkload(800);
    const second = startProjector();
    await caughtUp(second.projector);
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM trades");
    expect(rows[0].n).toBe(trades);
    expect((await reconcile(pool, new Journal(pool), { maxLagMs: 60_000 })).ok).toBe(true);
    first = second;
  });

  it("fills from the journal what the event stream no longer holds", async () => {
    first.projector.stop();
    await first.running;
    trades += await sendWorkload(500);
    await redis.del(busKeys(sandbox.redisPrefix).events);
    trades += await sendWorkload(200);
    const third = startProjector();
    await caughtUp(third.projector);
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM trades");
    expect(rows[0].n).toBe(trades);
    expect((await reconcile(pool, new Journal(pool), { maxLagMs: 60_000 })).ok).toBe(true);
    third.projector.stop();
    await third.running;
  });

  it("reports a projected balance that drifted from the ledger and from the engine", async () => {
    await pool.query(
      `UPDATE account_balances SET balance_atoms = balance_atoms + 1
       WHERE (user_id, account, asset) = (SELECT user_id, account, asset FROM account_balances
                                         WHERE user_id = 1 AND account = 'available' LIMIT 1)`,
    );
    const report = await reconcile(pool, new Journal(pool), { maxLagMs: 60_000 });
    expect(report.ok).toBe(false);
    expect(report.differences.map((d) => d.kind).sort()).toEqual([
      "balance-vs-postings",
      "projection-vs-engine",
    ]);
    expect(report.differences[0]).toMatchObject({ userId: 1, account: "available" });
  });
});
