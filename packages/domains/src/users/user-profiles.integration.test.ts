/**
 * A trader's profile as staff read it, against the run's database (seeded BTCUSDT: 0.01 USDT
 * ticks, 0.00001 BTC lots, both assets at 8 places). What staff would notice: a market order's
 * price is what it filled at, never the protection price the engine stored; a limit order shows
 * its limit; balances come with their asset's precision.
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../services";
import { closeServices, testServices } from "../testing/test-services";
import { createTestUser } from "../testing/test-users";
import { findUserProfile } from "./user-profiles";

let services: Services;
let userId: number;
/** Order ids of this run's own, far from the engine's and other tests' (read model only). */
const marketOrderId = 1_500_000_000 + randomInt(100_000_000);
const limitOrderId = marketOrderId + 1;

beforeAll(async () => {
  services = await testServices();
  userId = (await createTestUser(services.db, { tag: "profile" })).id;
  const at = new Date("2026-12-06T08:02:00Z");
  const order = {
    userId,
    symbol: "BTCUSDT",
    timeInForce: "IOC",
    postOnly: false,
    acceptedSeq: 1n,
    updatedSeq: 2n,
    createdAt: at,
    updatedAt: at,
  };
  await services.db.order.createMany({
    data: [
      {
        ...order,
        orderId: marketOrderId,
        side: "buy",
        orderType: "market",
        // The protection price the engine set from its book: 52500.00, never traded at.
        priceTicks: 5_250_000n.toString(),
        qtyLots: "300",
        quoteAtoms: "0",
        status: "FILLED",
        // 0.001 BTC at 50000.00 and 0.002 at 50000.03: 150.00006 USDT for 0.003 BTC.
        filledLots: "300",
        remainingLots: "0",
        filledQuoteAtoms: (5_000_000_000n + 10_000_006_000n).toString(),
      },
      {
        ...order,
        orderId: limitOrderId,
        side: "sell",
        orderType: "limit",
        timeInForce: "GTC",
        priceTicks: "5100000",
        qtyLots: "1000",
        quoteAtoms: "0",
        status: "OPEN",
        filledLots: "0",
        remainingLots: "1000",
        filledQuoteAtoms: "0",
        createdAt: new Date(at.getTime() + 1000),
      },
    ],
  });
  await services.db.accountBalance.create({
    data: {
      userId,
      account: "available",
      asset: "USDT",
      balanceAtoms: (2500n * 10n ** 8n).toString(),
      updatedSeq: 1n,
      updatedAt: at,
    },
  });
});

afterAll(async () => {
  await services.db.order.deleteMany({ where: { userId } });
  await services.db.accountBalance.deleteMany({ where: { userId } });
  await closeServices(services);
});

describe("findUserProfile", () => {
  it("prices a filled market order at its average fill, not its protection price", async () => {
    const profile = await findUserProfile(services, userId, ["COMPLIANCE"]);
    const market = profile.orders.find((o) => o.orderId === marketOrderId);
    expect(market).toMatchObject({
      type: "market",
      limitPrice: null,
      averageFillPrice: "50000.02",
      filledQuantity: "0.003",
      priceDecimals: 2,
      quantityDecimals: 5,
      baseAsset: "BTC",
      quoteAsset: "USDT",
    });
  });

  it("shows a limit order's limit, and no average while nothing filled", async () => {
    const profile = await findUserProfile(services, userId, ["COMPLIANCE"]);
    const limit = profile.orders.find((o) => o.orderId === limitOrderId);
    expect(limit).toMatchObject({ type: "limit", limitPrice: "51000", averageFillPrice: null });
    // Newest first.
    expect(profile.orders.map((o) => o.orderId)).toEqual([limitOrderId, marketOrderId]);
  });

  it("gives each balance its asset's precision", async () => {
    const profile = await findUserProfile(services, userId, ["COMPLIANCE"]);
    expect(profile.balances.find((b) => b.asset === "USDT")).toEqual({
      asset: "USDT",
      available: "2500",
      frozen: "0",
      total: "2500",
      precision: 8,
    });
    expect(profile.balances.find((b) => b.asset === "BTC")?.precision).toBe(8);
  });
});
