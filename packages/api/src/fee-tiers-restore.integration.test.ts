import { assignFeeTiers } from "@exchange/domains/fees/fee-tier-assignment";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { depositForTest } from "@exchange/domains/testing/test-funds";
import { UNLIMITED_ORDER_RATES } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { commandIds, ManualClock } from "@exchange/protocol";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

/**
 * Fee tiers live in the engine only by command. A deployment restored from its database starts
 * the engine on an empty journal: the reference-data sync sends the schedule and the traders'
 * tiers again, so the first fill is charged as before, and a second sync changes nothing. An
 * assignment the engine took while the table lost it (a rolled-back transaction) is brought in
 * line by the next assignment.
 */

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let alice: Actor;
let bob: Actor;

const trader = (actor: Actor) => callTraderApi(services, actor);
const userIdOf = (actor: Actor) => (actor.kind === "user" ? actor.userId : 0);

/** Alice rests a sell of 0.1 BTC at 10 000 USDT, Bob takes it: a fill of 1 000 USDT. */
async function aliceMakesBobTakes() {
  const order = { symbol: "BTCUSDT", type: "limit" as const, price: "10000", quantity: "0.1" };
  await trader(alice).trading.placeOrder({ ...order, side: "sell" });
  const taken = await trader(bob).trading.placeOrder({ ...order, side: "buy" });
  expect(taken.order.status).toBe("FILLED");
  return taken.order.orderId;
}

/** Bob's and Alice's fills of the trade Bob's order `takerOrderId` made, once projected. */
async function fillsOf(takerOrderId: number) {
  return eventually(async () => {
    const taker = (await trader(bob).trading.tradeHistory({ limit: 50 })).items.find(
      (f) => f.orderId === takerOrderId,
    );
    const maker = (await trader(alice).trading.tradeHistory({ limit: 50 })).items.find(
      (f) => f.tradeId === taker?.tradeId,
    );
    expect(maker).toBeDefined();
    return { taker, maker };
  });
}

async function journalHead(): Promise<bigint> {
  const rows = await services.db.$queryRaw<Array<{ seq: bigint }>>`
    SELECT coalesce(max(seq), 0)::bigint AS seq FROM engine_journal`;
  return rows[0]?.seq ?? 0n;
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("feerestore");
  services = await createServices({ ...sandbox, orderRateLimits: UNLIMITED_ORDER_RATES });
  const user = async (tag: string) => ({
    kind: "user" as const,
    userId: (await createTestUser(services.db, { tag, kycLevel: 1 })).id,
  });
  alice = await user("restore-alice");
  bob = await user("restore-bob");
  // What the restored database holds: tier 1 (takers pay half the market rate, makers earn a
  // rebate), sent once at revision 1; Bob held in it by an override, assigned at revision 1.
  await services.db.feeTier.create({
    data: {
      tier: 1,
      // 1 500 USDT (8 decimals).
      minVolumeAtoms: "150000000000",
      makerScalePpm: -500_000,
      takerScalePpm: 500_000,
      revision: 1,
    },
  });
  await services.db.userFeeTier.create({
    data: {
      userId: userIdOf(bob),
      tier: 1,
      revision: 1,
      overrideTier: 1,
      overrideReason: "Restored market maker",
    },
  });
  expect(await journalHead()).toBe(0n);
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  await syncReferenceData(services.db, services.engine, services.clock.now());
  await depositForTest(services.engine, userIdOf(alice), "BTC", 10n * 10n ** 8n);
  await depositForTest(services.engine, userIdOf(bob), "USDT", 1_000_000n * 10n ** 6n);
}, 60_000);

afterAll(async () => {
  await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("an engine started on an empty journal, then the reference-data sync", () => {
  it("charges the restored tier on the first fill", async () => {
    const { taker, maker } = await fillsOf(await aliceMakesBobTakes());
    // Bob in tier 1: 0.1 BTC × 0.1 % × 50 %. Alice in tier 0: the market's 0.1 % of 1 000 USDT.
    expect(taker).toMatchObject({ liquidity: "taker", fee: "0.00005", feeAsset: "BTC" });
    expect(maker).toMatchObject({ liquidity: "maker", fee: "1", feeAsset: "USDT" });
  });

  it("sends nothing new when synced again (a normal restart)", async () => {
    const head = await journalHead();
    await syncReferenceData(services.db, services.engine, services.clock.now());
    expect(await journalHead()).toBe(head);
  });
});

describe("an assignment the engine took but the table lost", () => {
  it("is brought in line by the next assignment: the fee follows the table", async () => {
    // The engine moved Alice to tier 1; the transaction that was to record it rolled back.
    const { outcome } = await services.engine.send({
      type: "feeTier.assign",
      id: commandIds.assignFeeTier(userIdOf(alice), 1, 1),
      ts: services.clock.now(),
      userId: userIdOf(alice),
      tier: 1,
    });
    expect(outcome.ok).toBe(true);
    expect(await trader(alice).fees.mine()).toMatchObject({ tier: 0 });

    // The daily job finds her 1 000 USDT earns tier 0, where the table already has her.
    const tomorrow = new ManualClock(Date.now() + 86_400_000);
    const run = () => assignFeeTiers({ db: services.db, engine: services.engine, clock: tomorrow });
    expect(await run()).toMatchObject({ assigned: 1, overridden: 1 });
    expect(await run()).toMatchObject({ assigned: 0, unchanged: 1, overridden: 1 });

    // Her next fill as maker is charged tier 0's fee, not paid tier 1's rebate.
    const { maker } = await fillsOf(await aliceMakesBobTakes());
    expect(maker).toMatchObject({ liquidity: "maker", fee: "1", feeAsset: "USDT" });
    expect(await trader(alice).fees.mine()).toMatchObject({ tier: 0, overridden: false });
  });
});
