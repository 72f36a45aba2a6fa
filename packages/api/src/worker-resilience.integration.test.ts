import type { Command } from "@exchange/core";
import { marketDirectory } from "@exchange/domains/markets/market-directory";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { staffActor } from "@exchange/domains/testing/test-services";
import { busKeys } from "@exchange/protocol";
import {
  createEngineSandbox,
  EngineProcess,
  type EngineSandbox,
  WorkerProcess,
} from "@exchange/testkit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi, callTraderApi } from "./testing/callers";
import type { Services } from "./trpc/context";

/**
 * The real worker process against a read model that refuses one order: a Postgres trigger
 * raises for the order whose client id is `poison`, as a numeric overflow or a broken
 * constraint would. The projector must stop on that entry and say so, everything else must go
 * on, and once the cause is gone the read models must hold every event exactly once.
 */
const STUCK_ALERT_MS = 1_500;
const SELLER = 701;
const BUYER = 702;

let services: Services;
let sandbox: EngineSandbox;
let engine: EngineProcess;
let worker: WorkerProcess;
let admin: pg.Client;
let poisonSeq = 0;
let lastSeq = 0;

async function send(command: Command): Promise<number> {
  const reply = await services.engine.send(command);
  expect(reply.outcome.ok).toBe(true);
  lastSeq = reply.seq ?? lastSeq;
  return reply.seq ?? 0;
}

async function order(id: string, userId: number, side: "buy" | "sell", price: string) {
  const { units } = await marketDirectory(services).get("BTCUSDT");
  return send({
    type: "order.place",
    orderType: "limit",
    id: `resilience:${id}`,
    ts: Date.now(),
    userId,
    symbol: "BTCUSDT",
    side,
    priceTicks: units.parsePrice(price),
    qtyLots: units.parseQuantity("0.1"),
    clientOrderId: id,
  });
}

const health = () => callTraderApi(services).health();
const staffHealth = async () => {
  const staff = await services.db.staff.findFirstOrThrow({ where: { roles: { has: "ADMIN" } } });
  return callAdminApi(services, staffActor(staff.id, "ADMIN")).health();
};
const projectorOf = (h: Awaited<ReturnType<typeof health>>) =>
  h.consumers.find((c) => c.name === "projector");
const projectedClientIds = async () =>
  (
    await admin.query<{ client_order_id: string }>(
      "SELECT client_order_id FROM orders WHERE user_id = ANY($1) ORDER BY order_id",
      [[SELLER, BUYER]],
    )
  ).rows.map((r) => r.client_order_id);

beforeAll(async () => {
  sandbox = await createEngineSandbox("resilience");
  admin = new pg.Client({ connectionString: sandbox.databaseUrl });
  await admin.connect();
  await admin.query(`
    CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.client_order_id = 'poison' THEN
        RAISE EXCEPTION 'order % refused by the test trigger', NEW.order_id;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER refuse_poison BEFORE INSERT ON orders
      FOR EACH ROW EXECUTE FUNCTION refuse_poison();`);
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox, {
    CONSUMER_STUCK_ALERT_MS: String(STUCK_ALERT_MS),
    CONSUMER_RETRY_MAX_MS: "200",
    RECONCILE_EVERY_MS: "1000",
    RECONCILE_MAX_LAG_MS: "1000",
  });
  services = await createServices(sandbox);
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const { units } = await marketDirectory(services).get("BTCUSDT");
  for (const [userId, asset, amount] of [
    [SELLER, "BTC", "1"],
    [BUYER, "USDT", "100000"],
  ] as const) {
    await send({
      type: "balance.deposit",
      id: `resilience:deposit:${userId}`,
      ts: Date.now(),
      business: "deposit",
      businessId: `resilience:${userId}`,
      userId,
      asset,
      amountAtoms: units.parseQuote(amount),
    });
  }
  await order("before", SELLER, "sell", "50000");
  await eventually(async () => expect(await projectedClientIds()).toEqual(["before"]));
}, 60_000);

afterAll(async () => {
  if (services) await closeServices(services);
  await worker?.stop();
  await engine?.kill();
  await admin?.end();
});

describe("a read model that refuses one event", () => {
  it("stops the projector on that entry while market data goes on publishing", async () => {
    poisonSeq = await order("poison", SELLER, "sell", "50100");
    await order("after", BUYER, "buy", "50000"); // trades with "before"

    const trades = await eventually(async () => {
      const t = await callTraderApi(services).marketData.trades({ symbol: "BTCUSDT" });
      expect(t).toHaveLength(1);
      return t;
    });
    expect(trades[0]).toMatchObject({ price: "50000", quantity: "0.1", side: "buy" });
    const depth = await callTraderApi(services).marketData.depth({ symbol: "BTCUSDT" });
    expect(depth.asks).toEqual([["50100", "0.1"]]);
    // Nothing at or after the refused entry is in the read models, and nothing was skipped.
    expect(await projectedClientIds()).toEqual(["before"]);
  });

  it("turns health red with the stuck sequence once past the threshold, and alerts", async () => {
    const red = await eventually(async () => {
      const h = await health();
      expect(projectorOf(h)?.state).toBe("stuck");
      return h;
    }, 10_000);
    expect(red.ok).toBe(false);
    expect(projectorOf(red)).toMatchObject({ ok: false, stuckSeq: poisonSeq });
    expect(projectorOf(red)?.lag).toBeGreaterThanOrEqual(lastSeq - poisonSeq + 1);
    expect(red.consumers.find((c) => c.name === "market-data")).toMatchObject({
      ok: true,
      state: "running",
      processedSeq: lastSeq,
    });
    // Anonymous callers see states and sequences, never the internal error text.
    expect(JSON.stringify(red)).not.toContain("refused by the test trigger");
    expect(projectorOf(await staffHealth())?.error).toContain("refused by the test trigger");

    expect(worker.log).toMatch(/"level":"fatal"[^\n]*"consumer stuck"[^\n]*"consumer":"projector"/);
    const metrics = await (await fetch(`http://127.0.0.1:${worker.httpPort}/metrics`)).text();
    expect(metrics).toContain(
      'exchange_worker_consumer_stuck_ratio{consumer="projector",app="worker"} 1',
    );
    expect(metrics).toContain(
      'exchange_worker_consumer_stuck_ratio{consumer="market-data",app="worker"} 0',
    );
    const workerHealth = await fetch(`http://127.0.0.1:${worker.httpPort}/health`);
    expect(workerHealth.status).toBe(503);
  });

  it("fails reconciliation on the stale read models instead of calling them balanced", async () => {
    const report = await eventually(async () => {
      const latest = await services.db.reconciliationReport.findFirstOrThrow({
        orderBy: { id: "desc" },
      });
      expect(latest.failure).not.toBeNull();
      return latest;
    }, 10_000);
    expect(report.ok).toBe(false);
    expect(report.seq).toBe(BigInt(poisonSeq - 1));
    expect(report.engineSeq).toBe(BigInt(lastSeq));
    expect(report.failure).toMatch(
      /Read models lag the engine: they hold seq \d+, the engine is at/,
    );
  });

  it("resumes once the cause is removed, with every event once and books that reconcile", async () => {
    await admin.query("DROP TRIGGER refuse_poison ON orders");

    await eventually(async () =>
      expect(await projectedClientIds()).toEqual(["before", "poison", "after"]),
    );
    const rows = await admin.query<{ client_order_id: string; status: string }>(
      "SELECT client_order_id, status FROM orders WHERE user_id = ANY($1) ORDER BY order_id",
      [[SELLER, BUYER]],
    );
    expect(rows.rows.map((r) => [r.client_order_id, r.status])).toEqual([
      ["before", "FILLED"],
      ["poison", "OPEN"],
      ["after", "FILLED"],
    ]);
    const trades = await admin.query("SELECT trade_id FROM trades");
    expect(trades.rowCount).toBe(1);

    // The status a consumer publishes trails its work by up to a heartbeat: wait for both.
    await eventually(async () => {
      const h = await health();
      expect(h.ok).toBe(true);
      expect(projectorOf(h)).toMatchObject({ state: "running", processedSeq: lastSeq, lag: 0 });
    }, 10_000);
    const balanced = await eventually(async () => {
      const latest = await services.db.reconciliationReport.findFirstOrThrow({
        orderBy: { id: "desc" },
      });
      expect(latest.seq).toBe(BigInt(lastSeq));
      return latest;
    }, 10_000);
    expect(balanced).toMatchObject({ ok: true, failure: null, differences: [] });
  });

  it("flags a projector blocked by a held lock, and resumes once it is released", async () => {
    await admin.query("BEGIN");
    await admin.query("LOCK TABLE trades IN ACCESS EXCLUSIVE MODE");
    const blockedSeq = await order("blocked", BUYER, "buy", "50100"); // trades with "poison"

    const red = await eventually(async () => {
      const h = await staffHealth();
      expect(projectorOf(h)?.state).toBe("stuck");
      return h;
    }, 10_000);
    expect(projectorOf(red)).toMatchObject({ stuckSeq: blockedSeq });
    expect(projectorOf(red)?.error).toMatch(/blocked for \d+ s on seq/);
    await eventually(async () =>
      expect(await callTraderApi(services).marketData.trades({ symbol: "BTCUSDT" })).toHaveLength(
        2,
      ),
    );

    await admin.query("COMMIT");
    await eventually(async () => {
      expect((await health()).ok).toBe(true);
      expect((await admin.query("SELECT trade_id FROM trades")).rowCount).toBe(2);
    }, 10_000);
  });

  it("keeps projecting while market data is stuck on a candle it cannot store, then catches up", async () => {
    // 50200 USDT is 5 020 000 ticks of 0.01: refuse any candle that closes there.
    await admin.query(`
      CREATE FUNCTION refuse_candle() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.close_ticks = 5020000 THEN RAISE EXCEPTION 'candle refused by the test trigger'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_candle BEFORE INSERT OR UPDATE ON klines
        FOR EACH ROW EXECUTE FUNCTION refuse_candle();`);
    await order("md-sell", SELLER, "sell", "50200");
    const tradeSeq = await order("md-buy", BUYER, "buy", "50200");

    const red = await eventually(async () => {
      const h = await staffHealth();
      expect(h.consumers.find((c) => c.name === "market-data")?.state).toBe("stuck");
      return h;
    }, 10_000);
    expect(red.consumers.find((c) => c.name === "market-data")).toMatchObject({
      stuckSeq: tradeSeq,
      processedSeq: tradeSeq - 1,
    });
    expect(red.consumers.find((c) => c.name === "market-data")?.error).toContain(
      "candle refused by the test trigger",
    );
    expect(projectorOf(red)).toMatchObject({ ok: true, processedSeq: tradeSeq });
    expect(await projectedClientIds()).toContain("md-buy");

    await admin.query("DROP TRIGGER refuse_candle ON klines");
    await eventually(async () => expect((await health()).ok).toBe(true), 10_000);
    const trades = await callTraderApi(services).marketData.trades({ symbol: "BTCUSDT" });
    expect(trades.map((t) => t.price)).toEqual(["50200", "50100", "50000"]);
    expect(new Set(trades.map((t) => t.tradeId)).size).toBe(3);
    const closes = await admin.query(
      "SELECT close_ticks::text AS close FROM klines WHERE interval = '1m' ORDER BY open_time DESC LIMIT 1",
    );
    expect(closes.rows[0]?.close).toBe("5020000");
  });

  it("never lets the worker process exit", () => {
    expect(worker.running).toBe(true);
    expect(worker.log).not.toContain("worker stopped");
  });
});

describe("health under a flood of anonymous calls", () => {
  it("sends the engine at most one ping for hundreds of calls from several API processes", async () => {
    const commands = busKeys(services.redisPrefix).commands;
    const added = async () => {
      const info = (await services.redis.call("XINFO", "STREAM", commands)) as unknown[];
      return Number(info[info.indexOf("entries-added") + 1]);
    };
    // Three API processes: each its own services, as web and admin instances would have.
    const others = [await createServices(sandbox), await createServices(sandbox)];
    try {
      const before = await added();
      const processes = [services, ...others];
      const calls: Promise<unknown>[] = [];
      for (let i = 0; i < 300; i++) {
        calls.push(callTraderApi(processes[i % 3] as Services).health());
        if (i % 30 === 0) await new Promise((r) => setTimeout(r, 100));
      }
      const reports = (await Promise.all(calls)) as Array<{ engine: { ok: boolean } }>;
      expect(reports.every((r) => r.engine.ok)).toBe(true);
      expect((await added()) - before).toBeLessThanOrEqual(1);
    } finally {
      await Promise.all(others.map(closeServices));
    }
  });
});
