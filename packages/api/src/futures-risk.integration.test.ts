import { parseUnits } from "@exchange/contracts/money";
import {
  sendFunding,
  sendFuturesTransfer,
  sendMark,
  sendPositionSettings,
} from "@exchange/domains/derivatives/derivatives-engine";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { staffActor } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi, callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

/**
 * Operations' futures risk view against the real engine and worker (its projector writes
 * positions, liquidations, funding and trades) on the seed's BTCUSDT-PERP (ticks of 0.1 USDT,
 * lots of 0.001 BTC, 0.4 % maintenance up to 50 000 USDT): two isolated longs against one cross
 * short ranked by margin ratio, the open interest on both sides, a funding settlement that sums
 * to zero, a fall that liquidates the 10× long through a resting bid (its fill, the margin left
 * to the insurance fund), and a deeper fall with an empty book that closes the 5× long by
 * auto-deleveraging the short.
 */

const SYMBOL = "BTCUSDT-PERP";
let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let ops: Actor;
let markAt = 0;

const trader = (actor: Actor) => callTraderApi(services, actor);
const admin = () => callAdminApi(services, ops);
const risk = () => admin().derivatives.risk;
let usdtPrecision = 0;

async function deposit(userId: number, amount: string) {
  const reply = await services.engine.send({
    type: "balance.deposit",
    id: `futures-risk-deposit:${userId}`,
    ts: Date.now(),
    business: "test-deposit",
    businessId: `futures-risk:${userId}`,
    userId,
    asset: "USDT",
    amountAtoms: parseUnits(amount, usdtPrecision),
  });
  expect(reply.outcome.ok).toBe(true);
}

/** A trader with `amount` USDT in the futures wallet (cross, the default, unless isolated). */
async function futuresTrader(
  tag: string,
  amount: string,
  isolatedLeverage?: number,
): Promise<Actor & { kind: "user" }> {
  const user = await createTestUser(services.db, { tag, kycLevel: 1 });
  await deposit(user.id, amount);
  const moved = await sendFuturesTransfer(services, {
    transferId: crypto.randomUUID(),
    userId: user.id,
    asset: "USDT",
    amountAtoms: parseUnits(amount, usdtPrecision),
    direction: "toFutures",
  });
  expect(moved.ok).toBe(true);
  if (isolatedLeverage !== undefined) {
    const base = { userId: user.id, symbol: SYMBOL };
    const mode = await sendPositionSettings(services, {
      ...base,
      requestId: crypto.randomUUID(),
      mode: "isolated",
    });
    expect(mode.ok).toBe(true);
    const leverage = await sendPositionSettings(services, {
      ...base,
      requestId: crypto.randomUUID(),
      leverage: isolatedLeverage,
    });
    expect(leverage.ok).toBe(true);
  }
  return { kind: "user", userId: user.id };
}

/** The mark (and index) at `price` USDT, a later sample each call, as the pricer sends it. */
async function mark(price: string) {
  markAt = Math.max(Date.now(), markAt + 1);
  const ticks = parseUnits(price, 1);
  const sent = await sendMark(services, {
    symbol: SYMBOL,
    markPriceTicks: ticks,
    indexPriceTicks: ticks,
    at: markAt,
  });
  expect(sent.ok).toBe(true);
  await eventually(async () => {
    const [contract] = await risk().contracts();
    expect(contract?.markPrice).toBe(price);
  });
}

function order(
  actor: Actor,
  side: "buy" | "sell",
  price: string,
  quantity: string,
  timeInForce?: "IOC",
) {
  return trader(actor).trading.placeOrder({
    symbol: SYMBOL,
    side,
    type: "limit",
    price,
    quantity,
    ...(timeInForce ? { timeInForce } : {}),
  });
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("futures-risk");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices(sandbox);
  await syncReferenceData(services.db, services.engine, services.clock.now());
  usdtPrecision = (await services.db.asset.findUniqueOrThrow({ where: { code: "USDT" } }))
    .precision;
  const staff = await services.db.staff.create({
    data: {
      email: `futures-risk-ops-${crypto.randomUUID()}@test.local`,
      name: "OPS",
      passwordHash: "x",
      roles: ["OPERATIONS"],
    },
    select: { id: true },
  });
  ops = staffActor(staff.id, "OPERATIONS");
}, 120_000);

afterAll(async () => {
  if (services) await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("the futures risk view", () => {
  let maker: Actor & { kind: "user" };
  let tenX: Actor & { kind: "user" };
  let fiveX: Actor & { kind: "user" };

  it("ranks open positions by margin ratio at the mark and shows the open interest of both sides", async () => {
    await mark("50000");
    maker = await futuresTrader("risk-maker", "100000");
    tenX = await futuresTrader("risk-10x", "1000", 10);
    fiveX = await futuresTrader("risk-5x", "2000", 5);
    await order(maker, "sell", "50000", "0.2");
    await order(tenX, "buy", "50000", "0.1", "IOC");
    await order(fiveX, "buy", "50000", "0.1", "IOC");

    const book = await eventually(async () => {
      const b = await risk().positions({});
      expect(b.total).toBe(3);
      return b;
    });
    // 0.1 BTC at 50 000 is 5 000 USDT: 20 of maintenance (0.4 %) against 500 of margin at 10×
    // is 4 %, against 1 000 at 5× 2 %; the short's cross wallet of ~100 000 is far safer.
    expect(book.positions.map((p) => [p.userId, p.side, p.marginRatioPercent])).toEqual([
      [tenX.userId, "long", "4.00"],
      [fiveX.userId, "long", "2.00"],
      [maker.userId, "short", expect.stringMatching(/^0\.0\d$/)],
    ]);
    expect(book.positions[0]).toMatchObject({
      email: expect.stringContaining("risk-10x"),
      symbol: SYMBOL,
      settleAsset: "USDT",
      size: "0.1",
      entryPrice: "50000",
      markPrice: "50000",
      mode: "isolated",
      leverage: 10,
      margin: "500",
      maintenanceMargin: "20",
      marginRatioPpm: 40_000,
      unrealisedPnl: "0",
      liquidationPrice: expect.stringMatching(/^45\d{3}(\.\d)?$/),
    });
    // The limit and the contract filter.
    expect((await risk().positions({ limit: 1 })).positions).toHaveLength(1);
    expect((await risk().positions({ symbol: "ETHUSDT-PERP" })).positions).toEqual([]);

    const [contract] = await risk().contracts();
    expect(contract).toMatchObject({
      symbol: SYMBOL,
      settleAsset: "USDT",
      markPrice: "50000",
      indexPrice: "50000",
      openInterest: "0.2",
      openInterestNotional: "10000",
      longPositions: 2,
      shortPositions: 1,
    });
  });

  it("a funding settlement: longs pay what the short receives and the rounding, summing to zero", async () => {
    const fundingTime = Math.ceil(Date.now() / 28_800_000) * 28_800_000;
    const settled = await sendFunding(services, { symbol: SYMBOL, fundingTime, ratePpm: 100 });
    expect(settled.ok).toBe(true);
    const history = await eventually(async () => {
      const h = await risk().funding({ symbol: SYMBOL });
      expect(h.items).toHaveLength(1);
      return h;
    });
    // 10 000 USDT of longs at 0.01 %: 1 USDT paid, 1 received by the short.
    expect(history).toEqual({
      settleAsset: "USDT",
      items: [
        {
          fundingTime: new Date(fundingTime),
          rate: "0.000100",
          markPrice: "50000",
          paid: "1",
          received: "1",
          rounding: "0",
          positions: 3,
          imbalance: "0",
          linesBalance: true,
        },
      ],
      nextCursor: null,
    });
    expect((await risk().contracts())[0]?.lastFundingRate).toBe("0.000100");
  });

  it("a fall to 45 000 liquidates the 10× long into the bid at 46 000: its fill, and the margin left to the insurance fund", async () => {
    const before = (await risk().insurance()).find((f) => f.asset === "USDT");
    expect(before).toMatchObject({ takenIn: "0", paidOut: "0", history: [] });
    await order(maker, "buy", "46000", "0.1");
    await mark("45000");
    const { items } = await eventually(async () => {
      const page = await risk().liquidations({});
      expect(page.items).toHaveLength(1);
      return page;
    });
    const [liquidation] = items;
    // Bankrupt at 45 000 (500 of margin, less the 0.5 of funding paid, over 0.1 BTC); sold at
    // 46 000: 400 lost of the 499.5, and 99.5 left to the fund.
    expect(liquidation).toMatchObject({
      userId: tenX.userId,
      email: expect.stringContaining("risk-10x"),
      symbol: SYMBOL,
      side: "long",
      size: "0.1",
      markPrice: "45000",
      bankruptcyPrice: "45005",
      bookSize: "0.1",
      deleveragedSize: "0",
      insurance: "99.5",
    });
    const detail = await risk().liquidation({ id: liquidation?.id as string });
    expect(detail.fills).toEqual([
      {
        tradeId: expect.any(Number),
        price: "46000",
        quantity: "0.1",
        quoteAmount: "4600",
        counterpartyUserId: maker.userId,
        executedAt: expect.any(Date),
      },
    ]);
    expect(detail.deleveraging).toEqual([]);

    const fund = (await risk().insurance()).find((f) => f.asset === "USDT");
    expect(fund).toMatchObject({
      takenIn: "99.5",
      paidOut: "0",
      history: [
        {
          kind: "liquidation",
          ref: liquidation?.id,
          symbol: SYMBOL,
          userId: tenX.userId,
          amount: "99.5",
        },
      ],
    });
    expect(Number(fund?.balance)).toBeGreaterThanOrEqual(99.5);
    // The liquidated position is gone from the ranking; open interest follows.
    const book = await risk().positions({});
    expect(book.positions.map((p) => p.userId)).toEqual([fiveX.userId, maker.userId]);
    expect((await risk().contracts())[0]).toMatchObject({
      openInterest: "0.1",
      openInterestNotional: "4500",
      longPositions: 1,
      shortPositions: 1,
    });
  });

  it("a fall to 39 000 with no bid: the 5× long is closed by auto-deleveraging the short at its bankruptcy price", async () => {
    await mark("39000");
    const { items } = await eventually(async () => {
      const page = await risk().liquidations({});
      expect(page.items).toHaveLength(2);
      return page;
    });
    const [latest, first] = items;
    expect(latest).toMatchObject({ userId: fiveX.userId, bookSize: "0", deleveragedSize: "0.1" });
    const detail = await risk().liquidation({ id: latest?.id as string });
    expect(detail.fills).toEqual([]);
    expect(detail.deleveraging).toEqual([
      {
        userId: maker.userId,
        email: expect.stringContaining("risk-maker"),
        quantity: "0.1",
        price: latest?.bankruptcyPrice,
        realisedPnl: expect.stringMatching(/^\d+(\.\d+)?$/),
        at: expect.any(Date),
      },
    ]);
    // Paged newest first: the next page holds the first liquidation.
    const page = await risk().liquidations({ limit: 1 });
    expect(page.items.map((l) => l.id)).toEqual([latest?.id]);
    const next = await risk().liquidations({ limit: 1, cursor: page.nextCursor });
    expect(next.items.map((l) => l.id)).toEqual([first?.id]);
    expect(next.nextCursor).toBeNull();
    expect((await risk().positions({})).total).toBe(0);
    expect((await risk().contracts())[0]).toMatchObject({ openInterest: "0", longPositions: 0 });
  });

  it("refuses an unknown liquidation or contract as NOT_FOUND, and compliance staff as FORBIDDEN", async () => {
    const codeOf = async (call: Promise<unknown>) => {
      const error = await call.then(
        () => expect.fail("the call was accepted"),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      return (error as TRPCError).code;
    };
    expect(await codeOf(risk().liquidation({ id: "999999999" }))).toBe("NOT_FOUND");
    expect(await codeOf(risk().funding({ symbol: "NOPEUSDT-PERP" }))).toBe("NOT_FOUND");
    const compliance = staffActor((ops as { staffId: number }).staffId, "COMPLIANCE");
    expect(await codeOf(callAdminApi(services, compliance).derivatives.risk.contracts())).toBe(
      "FORBIDDEN",
    );
  });
});
