import { RejectCode } from "@exchange/core";
import { AppError } from "@exchange/domains/errors";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { depositForTest } from "@exchange/domains/testing/test-funds";
import { staffActor, UNLIMITED_ORDER_RATES } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi, callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

/**
 * Operations run markets and assets (issue 18): each change an engine command, audited, the
 * tables following the engine. Real engine and worker (projector, scheduled-change job,
 * reconciliation every second).
 */

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let ops: Actor;
let alice: Actor;
let bob: Actor;

const admin = () => callAdminApi(services, ops);
const trader = (actor: Actor) => callTraderApi(services, actor);
const userIdOf = (actor: Actor) => (actor.kind === "user" ? actor.userId : 0);

async function fund(actor: Actor, asset: string, amountAtoms: bigint): Promise<number> {
  return (await depositForTest(services.engine, userIdOf(actor), asset, amountAtoms)) ?? 0;
}

/** The app error a call ends in. */
async function refusal(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => expect.fail("the call was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause;
  expect(cause).toBeInstanceOf(AppError);
  return cause as AppError;
}

/** A market of `base` against USDT; fields overridden by `terms`. */
function marketTerms(base: string, terms: Record<string, unknown> = {}) {
  return {
    baseAsset: base,
    quoteAsset: "USDT",
    priceTick: "0.01",
    lotSize: "0.01",
    minQty: "0.01",
    maxQty: "1000",
    maxPrice: "100000",
    minNotional: "1",
    maxNotional: "1000000",
    makerFeeRate: "0.001",
    takerFeeRate: "0.002",
    ...terms,
  };
}

async function statusOf(symbol: string) {
  const markets = await admin().markets.list();
  return markets.find((m) => m.symbol === symbol)?.status;
}

/** A new asset and its USDT market, once traders see it (within the directory's seconds). */
async function newListedMarket(base: string, status: "PRE_OPEN" | "TRADING" = "TRADING") {
  await admin().markets.createAsset({ code: base, name: `${base} coin`, precision: 8 });
  const market = await admin().markets.create(marketTerms(base, { status }));
  await eventually(async () => {
    const listed = await trader(alice).markets.list();
    expect(listed.find((m) => m.symbol === market.symbol)?.status).toBe(status);
  });
  return market;
}

function limit(symbol: string, side: "buy" | "sell", price: string, quantity: string) {
  return { symbol, side, type: "limit" as const, price, quantity };
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("market-ops");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox, { RECONCILE_EVERY_MS: "1000" });
  services = await createServices({ ...sandbox, orderRateLimits: UNLIMITED_ORDER_RATES });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const staff = await services.db.staff.create({
    data: {
      email: `ops-${crypto.randomUUID()}@test.local`,
      name: "Ops",
      passwordHash: "x",
      roles: ["OPERATIONS"],
    },
    select: { id: true },
  });
  ops = staffActor(staff.id, "OPERATIONS");
  alice = {
    kind: "user",
    userId: (await createTestUser(services.db, { tag: "alice", kycLevel: 1 })).id,
  };
  bob = {
    kind: "user",
    userId: (await createTestUser(services.db, { tag: "bob", kycLevel: 1 })).id,
  };
  await fund(bob, "USDT", 1_000_000n * 10n ** 6n);
}, 60_000);

afterAll(async () => {
  await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("operations create an asset and a market", () => {
  it("lists a pre-open market that refuses orders until it opens, then trades", async () => {
    const market = await newListedMarket("OPSA", "PRE_OPEN");
    expect(market).toMatchObject({ symbol: "OPSAUSDT", status: "PRE_OPEN" });
    await fund(alice, "OPSA", 10n * 10n ** 8n);
    const early = await refusal(
      trader(alice).trading.placeOrder(limit("OPSAUSDT", "sell", "5", "1")),
    );
    expect(early.rejectCode).toBe(RejectCode.MarketPreOpen);

    const change = await admin().markets.setStatus({ symbol: "OPSAUSDT", status: "TRADING" });
    expect(change).toMatchObject({ state: "DONE", status: "TRADING" });
    await eventually(async () => expect(await statusOf("OPSAUSDT")).toBe("TRADING"));
    await trader(alice).trading.placeOrder(limit("OPSAUSDT", "sell", "5", "1"));
    const buy = await trader(bob).trading.placeOrder(limit("OPSAUSDT", "buy", "5", "1"));
    expect(buy.order).toMatchObject({ status: "FILLED" });

    const audit = await services.db.auditLog.findMany({
      where: { actorId: String(ops.kind === "staff" ? ops.staffId : 0) },
      select: { action: true, targetId: true, ip: true },
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["asset.create", "market.create", "market.status.change"]),
    );
    expect(audit.every((a) => a.ip === "127.0.0.1")).toBe(true);
  });

  it("refuses bad terms with a message on the field, and creates nothing", async () => {
    await admin().markets.createAsset({ code: "OPSB", name: "B coin", precision: 8 });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ maxPrice: "100000.005" }, "maxPrice"], // more decimals than USDT has
      [{ priceTick: "0.03", maxPrice: "100000" }, "maxPrice"], // the tick does not divide it
      [{ lotSize: "2000", minQty: "2000" }, "lotSize"], // a lot larger than the maximum
      [{ minQty: "5", maxQty: "1" }, "maxQty"],
      [{ maxNotional: "0.5" }, "maxNotional"],
      [{ takerFeeRate: "0.2" }, "takerFeeRate"],
      [{ quoteAsset: "OPSB" }, "quoteAsset"],
      [{ quoteAsset: "NOPE" }, "quoteAsset"],
    ];
    for (const [terms, field] of cases) {
      const error = await refusal(admin().markets.create(marketTerms("OPSB", terms)));
      expect(error.code, JSON.stringify(terms)).toBe("INVALID_INPUT");
      expect(Object.keys(error.fieldErrors ?? {}), JSON.stringify(terms)).toContain(field);
    }
    expect(await statusOf("OPSBUSDT")).toBeUndefined();
    const again = await refusal(
      admin().markets.createAsset({ code: "OPSB", name: "again", precision: 6 }),
    );
    expect(again.fieldErrors).toHaveProperty("code");
  });

  it("refuses a status change the current status does not allow", async () => {
    await newListedMarket("OPSC");
    const error = await refusal(
      admin().markets.setStatus({ symbol: "OPSCUSDT", status: "PRE_OPEN" }),
    );
    expect(error.code).toBe("MARKET_STATE");
    expect(await statusOf("OPSCUSDT")).toBe("TRADING");
  });
});

describe("status changes through the engine", () => {
  it("a halted market refuses orders and cancels nothing", async () => {
    await newListedMarket("OPSD");
    const { order } = await trader(bob).trading.placeOrder(limit("OPSDUSDT", "buy", "10", "2"));
    const usdtOf = async () =>
      (await trader(bob).trading.balances()).find((b) => b.asset === "USDT");
    // Bob's 2 at 10 USDT freeze 20 USDT (the only order of his still open).
    const frozenBefore = await eventually(async () => {
      const usdt = await usdtOf();
      expect(usdt?.frozen).toBe("20");
      return usdt;
    });
    await admin().markets.setStatus({ symbol: "OPSDUSDT", status: "HALTED" });
    await eventually(async () => expect(await statusOf("OPSDUSDT")).toBe("HALTED"));

    const place = await refusal(
      trader(bob).trading.placeOrder(limit("OPSDUSDT", "buy", "10", "1")),
    );
    expect(place.rejectCode).toBe(RejectCode.MarketHalted);
    const cancel = await refusal(
      trader(bob).trading.cancelOrder({ symbol: "OPSDUSDT", orderId: order.orderId }),
    );
    expect(cancel.rejectCode).toBe(RejectCode.MarketHalted);
    const open = await trader(bob).trading.openOrders({ symbol: "OPSDUSDT", limit: 50 });
    expect(open.items.map((o) => o.orderId)).toContain(order.orderId);
    expect((await usdtOf())?.frozen).toBe(frozenBefore?.frozen);
  });

  it("closing cancels every open order, releases the funds, and the ledger reconciles", async () => {
    await newListedMarket("OPSE");
    await fund(alice, "OPSE", 10n * 10n ** 8n);
    await trader(alice).trading.placeOrder(limit("OPSEUSDT", "sell", "20", "3"));
    await trader(bob).trading.placeOrder(limit("OPSEUSDT", "buy", "10", "2"));
    await trader(bob).trading.placeOrder(limit("OPSEUSDT", "buy", "11", "1"));

    await admin().markets.setStatus({ symbol: "OPSEUSDT", status: "CLOSED" });

    await eventually(async () => {
      expect(await statusOf("OPSEUSDT")).toBe("CLOSED");
      for (const actor of [alice, bob]) {
        const open = await trader(actor).trading.openOrders({ symbol: "OPSEUSDT", limit: 50 });
        expect(open.items).toEqual([]);
      }
    });
    const history = await trader(bob).trading.orderHistory({ symbol: "OPSEUSDT", limit: 50 });
    expect(history.items.map((o) => o.cancelReason)).toEqual(["marketClosed", "marketClosed"]);
    const opse = (await trader(alice).trading.balances()).find((b) => b.asset === "OPSE");
    expect(opse).toMatchObject({ available: "10", frozen: "0" });
    const reopen = await refusal(
      admin().markets.setStatus({ symbol: "OPSEUSDT", status: "TRADING" }),
    );
    expect(reopen.code).toBe("MARKET_STATE");

    const seq = await fund(alice, "USDT", 1n);
    const report = await eventually(async () => {
      const found = await services.db.reconciliationReport.findFirst({
        where: { seq: { gte: BigInt(seq) } },
        orderBy: { id: "desc" },
        select: { ok: true, differences: true },
      });
      expect(found).not.toBeNull();
      return found;
    }, 30_000);
    expect(report).toMatchObject({ ok: true, differences: [] });
  });

  it("runs a scheduled change at its time, and never one cancelled before", async () => {
    await newListedMarket("OPSF");
    const soon = new Date(Date.now() + 1_500);
    const kept = await admin().markets.scheduleStatus({
      symbol: "OPSFUSDT",
      status: "CANCEL_ONLY",
      runAt: soon,
    });
    const dropped = await admin().markets.scheduleStatus({
      symbol: "OPSFUSDT",
      status: "HALTED",
      runAt: new Date(Date.now() + 1_000),
    });
    expect(kept.state).toBe("PENDING");
    expect(await admin().markets.cancelScheduled({ id: dropped.id })).toMatchObject({
      state: "CANCELLED",
    });
    const twice = await refusal(admin().markets.cancelScheduled({ id: dropped.id }));
    expect(twice.code).toBe("MARKET_STATE");

    await eventually(async () => {
      const changes = await admin().markets.statusChanges();
      expect(changes.find((c) => c.id === kept.id)?.state).toBe("DONE");
      expect(await statusOf("OPSFUSDT")).toBe("CANCEL_ONLY");
    }, 20_000);
    const changes = await admin().markets.statusChanges();
    expect(changes.find((c) => c.id === dropped.id)?.state).toBe("CANCELLED");
    const past = await refusal(
      admin().markets.scheduleStatus({
        symbol: "OPSFUSDT",
        status: "HALTED",
        runAt: new Date(Date.now() - 1_000),
      }),
    );
    expect(past.fieldErrors).toHaveProperty("runAt");
  });
});
