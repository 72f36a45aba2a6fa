import type { AppError } from "@exchange/domains/errors";
import { assignFeeTiers } from "@exchange/domains/fees/fee-tier-assignment";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { depositForTest } from "@exchange/domains/testing/test-funds";
import { staffActor, UNLIMITED_ORDER_RATES } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { ManualClock } from "@exchange/protocol";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi, callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

/**
 * Fee tiers (issue 18) against a real engine and worker (projector, reconciliation every
 * second): operations keep the schedule and override a trader's tier, each an engine command;
 * the next fill is charged by the new tier, a maker rebate comes out of the fee account and the
 * books still reconcile; the daily job moves traders by their 30-day volume, once.
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
const today = () => new Date().toISOString().slice(0, 10);

async function refusal(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => expect.fail("the call was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).cause as AppError;
}

/** Alice rests a sell of 0.1 BTC at 10 000 USDT, Bob takes it: a fill of 1 000 USDT. */
async function aliceMakesBobTakes() {
  const order = { symbol: "BTCUSDT", type: "limit" as const, price: "10000", quantity: "0.1" };
  await trader(alice).trading.placeOrder({ ...order, side: "sell" });
  const taken = await trader(bob).trading.placeOrder({ ...order, side: "buy" });
  expect(taken.order.status).toBe("FILLED");
  return taken.order.orderId;
}

/** The fill of `orderId` in the trader's history, once the projector wrote it. */
async function fillOf(actor: Actor, orderId: number) {
  return eventually(async () => {
    const { items } = await trader(actor).trading.tradeHistory({ limit: 50 });
    const fill = items.find((f) => f.orderId === orderId);
    expect(fill).toBeDefined();
    return fill;
  });
}

/** Alice's (the maker's) fill of the trade Bob's order `takerOrderId` made. */
async function makerFillOf(takerOrderId: number) {
  const taken = await fillOf(bob, takerOrderId);
  return eventually(async () => {
    const { items } = await trader(alice).trading.tradeHistory({ limit: 50 });
    const fill = items.find((f) => f.tradeId === taken?.tradeId);
    expect(fill).toBeDefined();
    return fill;
  });
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("fees");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox, { RECONCILE_EVERY_MS: "1000" });
  services = await createServices({ ...sandbox, orderRateLimits: UNLIMITED_ORDER_RATES });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const staff = await services.db.staff.create({
    data: {
      email: `fees-ops-${crypto.randomUUID()}@test.local`,
      name: "Ops",
      passwordHash: "x",
      roles: ["OPERATIONS"],
    },
    select: { id: true },
  });
  ops = staffActor(staff.id, "OPERATIONS");
  const user = async (tag: string) => ({
    kind: "user" as const,
    userId: (await createTestUser(services.db, { tag, kycLevel: 1 })).id,
  });
  alice = await user("fee-alice");
  bob = await user("fee-bob");
  await depositForTest(services.engine, userIdOf(alice), "BTC", 10n * 10n ** 8n);
  await depositForTest(services.engine, userIdOf(bob), "USDT", 1_000_000n * 10n ** 6n);
}, 60_000);

afterAll(async () => {
  await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("operations keep the fee schedule", () => {
  it("refuses a schedule that is out of rank or pays more rebate than any taker pays", async () => {
    const unranked = await refusal(
      admin().fees.setTier({
        tier: 1,
        minVolume: "0",
        makerScalePercent: "50",
        takerScalePercent: "50",
      }),
    );
    expect(unranked.fieldErrors?.minVolume?.[0]).toMatch(/more volume than tier 0/);
    const generous = await refusal(
      admin().fees.setTier({
        tier: 1,
        minVolume: "1000",
        makerScalePercent: "-80",
        takerScalePercent: "50",
      }),
    );
    expect(generous.fieldErrors?.makerScalePercent?.[0]).toMatch(/rebate would exceed/);
    expect((await admin().fees.schedule()).tiers.map((t) => t.tier)).toEqual([0]);
  });

  it("creates a rebate tier through the engine, audited", async () => {
    const tier = await admin().fees.setTier({
      tier: 1,
      minVolume: "1500",
      makerScalePercent: "-50",
      takerScalePercent: "50",
    });
    expect(tier).toMatchObject({
      tier: 1,
      minVolume: "1500",
      makerScalePercent: "-50",
      revision: 1,
    });
    const audit = await services.db.auditLog.findFirst({
      where: { action: "feeTier.set", targetId: "1" },
    });
    expect(audit?.after).toMatchObject({ makerScalePercent: "-50", takerScalePercent: "50" });
  });
});

describe("a tier assignment changes the fee of the next fill", () => {
  it("charges the maker 0.1 %, then pays a rebate once operations override its tier", async () => {
    const before = await makerFillOf(await aliceMakesBobTakes());
    expect(before).toMatchObject({ liquidity: "maker", fee: "1", feeAsset: "USDT" });

    await admin().fees.setOverride({ userId: userIdOf(alice), tier: 1, reason: "Market maker." });
    const mine = await trader(alice).fees.mine();
    expect(mine).toMatchObject({ tier: 1, overridden: true, makerScalePercent: "-50" });
    expect(mine.markets.find((m) => m.symbol === "BTCUSDT")).toMatchObject({
      makerRatePercent: "-0.05",
      takerRatePercent: "0.05",
    });

    const after = await makerFillOf(await aliceMakesBobTakes());
    // 0.1 BTC × 0.1 % × −50 %: Alice is paid 0.00005 BTC out of the 0.0001 BTC Bob paid as taker
    // (a rebate is paid in the asset the taker's fee was charged in), and keeps her 1 000 USDT.
    expect(after).toMatchObject({ liquidity: "maker", fee: "-0.00005", feeAsset: "BTC" });
    const balances = await trader(alice).trading.balances();
    expect(balances.find((b) => b.asset === "USDT")?.available).toBe("1999");
  });

  it("still reconciles: every fill's postings sum to zero, rebate included", async () => {
    const seq = await depositForTest(services.engine, userIdOf(bob), "USDT", 1n);
    const report = await eventually(async () => {
      const found = await services.db.reconciliationReport.findFirst({
        where: { seq: { gte: BigInt(seq ?? 0) } },
        orderBy: { id: "desc" },
        select: { ok: true, differences: true },
      });
      expect(found).not.toBeNull();
      return found;
    }, 30_000);
    expect(report).toMatchObject({ ok: true, differences: [] });
  });

  it("shows finance the day's income: maker and taker fees, the rebate, the net", async () => {
    const rows = await admin().fees.income({ from: today(), to: today() });
    expect(rows).toContainEqual(
      expect.objectContaining({
        day: today(),
        symbol: "BTCUSDT",
        asset: "USDT",
        makerFees: "1",
        rebates: "0",
        net: "1",
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        symbol: "BTCUSDT",
        asset: "BTC",
        takerFees: "0.0002",
        rebates: "0.00005",
        net: "0.00015",
      }),
    );
  });
});

describe("the daily fee-tier job", () => {
  it("moves traders by their 30-day volume, leaves overrides alone, and sends nothing twice", async () => {
    const tomorrow = new ManualClock(Date.now() + 86_400_000);
    const run = () => assignFeeTiers({ db: services.db, engine: services.engine, clock: tomorrow });
    // Bob bought 2 000 USDT today, past tier 1's 1 500; Alice's override stands.
    expect(await run()).toMatchObject({ assigned: 1, overridden: 1 });
    expect(await trader(bob).fees.mine()).toMatchObject({
      tier: 1,
      overridden: false,
      volume: "2000",
      nextTier: null,
    });
    expect(await run()).toMatchObject({ assigned: 0, unchanged: 1, overridden: 1 });

    // Bob's next fill as taker is charged by tier 1: 0.1 BTC × 0.1 % × 50 %.
    const next = await fillOf(bob, await aliceMakesBobTakes());
    expect(next).toMatchObject({ liquidity: "taker", fee: "0.00005", feeAsset: "BTC" });
  });

  it("clearing an override puts the trader back in the tier their volume earns", async () => {
    await admin().fees.clearOverride({ userId: userIdOf(alice), reason: "Contract ended." });
    // Alice made 3 000 USDT of volume today: tier 1 on its own merits.
    expect(await trader(alice).fees.mine()).toMatchObject({ tier: 1, overridden: false });
    const refused = await refusal(
      admin().fees.clearOverride({ userId: userIdOf(alice), reason: "Twice." }),
    );
    expect(refused.code).toBe("NOT_FOUND");
    const unknown = await refusal(
      admin().fees.setOverride({ userId: userIdOf(alice), tier: 7, reason: "No such tier." }),
    );
    expect(unknown.fieldErrors?.tier?.[0]).toMatch(/no tier 7/);
  });
});
