import { MarketUnits } from "@exchange/contracts/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageFillPrice, profileOrder } from "./profile-orders";

/** BTC/USDT as seeded: prices in 0.01 USDT ticks, quantities in 0.00001 BTC lots, 8 places each. */
const btcUsdt = new MarketUnits({
  symbol: "BTCUSDT",
  base: "BTC",
  quote: "USDT",
  basePrecision: 8,
  quotePrecision: 8,
  tickSizeAtoms: 1_000_000n,
  lotSizeAtoms: 1_000n,
});

/** Any valid market: a tick and a lot that divide their asset's atoms, as core requires. */
const anyMarket = fc
  .record({
    basePrecision: fc.integer({ min: 0, max: 12 }),
    quotePrecision: fc.integer({ min: 0, max: 12 }),
    tickExponent: fc.integer({ min: 0, max: 12 }),
    lotExponent: fc.integer({ min: 0, max: 12 }),
  })
  .filter((m) => m.tickExponent <= m.quotePrecision && m.lotExponent <= m.basePrecision)
  // One lot at one tick must be a whole number of quote atoms (packages/core types.ts).
  .filter((m) => m.tickExponent + m.lotExponent >= m.basePrecision)
  .map(
    (m) =>
      new MarketUnits({
        symbol: "XY",
        base: "X",
        quote: "Y",
        basePrecision: m.basePrecision,
        quotePrecision: m.quotePrecision,
        tickSizeAtoms: 10n ** BigInt(m.tickExponent),
        lotSizeAtoms: 10n ** BigInt(m.lotExponent),
      }),
  );

const places = (text: string) => text.split(".")[1]?.length ?? 0;
const tickPlaces = (units: MarketUnits) => places(units.price(1n).replace(/0+$/, ""));

describe("averageFillPrice", () => {
  it("is the executed quote over the executed quantity, at the tick's places", () => {
    // 0.003 BTC for 150.00003 USDT: 50000.01 a BTC, rounded down from 50000.01000…
    expect(averageFillPrice(btcUsdt, 15_000_003_000n, 300n)).toBe("50000.01");
    // Two fills, 0.001 at 50000.00 and 0.001 at 50000.01: 50000.005 → 50000.00 (down).
    expect(averageFillPrice(btcUsdt, 5_000_000_000n + 5_000_001_000n, 200n)).toBe("50000.00");
    expect(averageFillPrice(btcUsdt, 0n, 0n)).toBeNull();
  });

  it("returns the price itself when every fill was at one price", () => {
    fc.assert(
      fc.property(
        anyMarket,
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (units, ticks, lots) => {
          const quote = units.notional(ticks, lots);
          const average = averageFillPrice(units, quote, lots);
          expect(average).not.toBeNull();
          expect(units.parsePrice(average as string)).toBe(ticks);
        },
      ),
    );
  });

  it("never shows more places than the market's price has, and rounds down by less than a tick", () => {
    fc.assert(
      fc.property(
        anyMarket,
        fc.array(
          fc.record({
            ticks: fc.bigInt({ min: 1n, max: 10n ** 8n }),
            lots: fc.bigInt({ min: 1n, max: 10n ** 8n }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (units, fills) => {
          const lots = fills.reduce((sum, f) => sum + f.lots, 0n);
          const quote = fills.reduce((sum, f) => sum + units.notional(f.ticks, f.lots), 0n);
          const average = averageFillPrice(units, quote, lots) as string;
          expect(places(average)).toBe(tickPlaces(units));
          // average ≤ quote / lots < average + one tick, in quote atoms per lot-tick.
          const ticks = units.parsePrice(average);
          const perTickLot = units.quotePerTickLot();
          expect(ticks * lots * perTickLot <= quote).toBe(true);
          expect((ticks + 1n) * lots * perTickLot > quote).toBe(true);
        },
      ),
    );
  });
});

describe("profileOrder", () => {
  const wire = {
    orderId: 7,
    clientOrderId: null,
    symbol: "BTCUSDT",
    side: "buy" as const,
    quantity: "0.003",
    quoteAmount: null,
    filledQuantity: "0.003",
    filledQuote: "150.00003",
    averagePrice: "50000.01",
    status: "FILLED" as const,
    timeInForce: "IOC" as const,
    postOnly: false,
    cancelReason: null,
    stopPrice: null,
    listId: null,
    working: true,
    workingAt: 0,
    createdAt: 0,
    updatedAt: 0,
  };

  it("shows a market order's average fill, never its protection price, as its price", () => {
    const order = profileOrder({ ...wire, type: "market", price: "52500" }, btcUsdt);
    expect(order.limitPrice).toBeNull();
    expect(order.averageFillPrice).toBe("50000.01");
    expect(order.priceDecimals).toBe(2);
    expect(order.quantityDecimals).toBe(5);
  });

  it("keeps a limit order's limit apart from what it filled at", () => {
    const order = profileOrder({ ...wire, type: "limit", price: "50100" }, btcUsdt);
    expect(order.limitPrice).toBe("50100");
    expect(order.averageFillPrice).toBe("50000.01");
  });

  it("keeps a stop order's limit price as its limit", () => {
    const order = profileOrder(
      { ...wire, type: "stopLimit", price: "49000", stopPrice: "49500", working: false },
      btcUsdt,
    );
    expect(order.limitPrice).toBe("49000");
  });

  it("has no average while nothing filled", () => {
    const order = profileOrder(
      { ...wire, type: "limit", price: "49000", filledQuantity: "0", filledQuote: "0" },
      btcUsdt,
    );
    expect(order.averageFillPrice).toBeNull();
  });
});
