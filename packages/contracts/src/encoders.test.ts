import { formatUnits } from "@exchange/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeOrder, ORDER_STATUSES, ZOrder } from "./order";
import { encodeFill, encodePublicTrade, fillsOfTrade, ZFill, ZPublicTrade } from "./trade";
import type { MarketDecimals } from "./wire";

// Two decimals for prices and quote, four for quantities: enough to see a unit mix-up.
const units: MarketDecimals = {
  price: (ticks) => formatUnits(ticks, 2),
  quantity: (lots) => formatUnits(lots, 4),
  quote: (atoms) => formatUnits(atoms, 2),
  amount: (atoms) => formatUnits(atoms, 8),
  averagePrice: (quote, lots) => (lots === 0n ? null : formatUnits(quote / lots, 2)),
};

const atoms = fc.bigInt({ min: 0n, max: 10n ** 30n });
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });

describe("encoders and schemas agree", () => {
  it("an encoded order parses back, money as decimal strings, times as the same instants", () => {
    fc.assert(
      fc.property(
        fc.record({
          orderId: fc.nat(),
          clientOrderId: fc.option(fc.string(), { nil: null }),
          symbol: fc.constant("BTCUSDT"),
          side: fc.constantFrom("buy" as const, "sell" as const),
          orderType: fc.constantFrom("limit" as const, "market" as const),
          stopOrderType: fc.constantFrom(null, "stopLimit" as const, "takeProfitLimit" as const),
          stopPriceTicks: fc.option(atoms, { nil: null }),
          listId: fc.option(fc.nat(), { nil: null }),
          working: fc.boolean(),
          workingAt: fc.option(time, { nil: null }),
          priceTicks: atoms,
          qtyLots: atoms,
          quoteAtoms: atoms,
          filledLots: atoms,
          filledQuoteAtoms: atoms,
          status: fc.constantFrom(...ORDER_STATUSES),
          timeInForce: fc.constantFrom("GTC" as const, "IOC" as const, "FOK" as const),
          postOnly: fc.boolean(),
          cancelReason: fc.constantFrom(null, "user" as const, "expired" as const),
          createdAt: time,
          updatedAt: time,
        }),
        (facts) => {
          const wire = JSON.parse(JSON.stringify(encodeOrder(facts, units)));
          const order = ZOrder.parse(wire);
          expect(order.createdAt.getTime()).toBe(facts.createdAt);
          expect(order.updatedAt.getTime()).toBe(facts.updatedAt);
          expect(order.price === null).toBe(facts.priceTicks === 0n);
          expect(order.filledQuantity).toBe(formatUnits(facts.filledLots, 4));
          expect(order.type).toBe(facts.stopOrderType ?? facts.orderType);
          expect(order.stopPrice === null).toBe(facts.stopPriceTicks === null);
          expect(order.working).toBe(facts.working);
          // A waiting order has no working time, whatever the facts carried.
          if (!facts.working) expect(order.workingAt).toBeNull();
          else expect(order.workingAt?.getTime() ?? null).toBe(facts.workingAt);
        },
      ),
    );
  });

  it("a trade's two fills are the taker's and the maker's, on opposite sides, and parse", () => {
    fc.assert(
      fc.property(
        fc.record({
          symbol: fc.constant("BTCUSDT"),
          tradeId: fc.nat(),
          priceTicks: atoms,
          qtyLots: atoms,
          quoteAtoms: atoms,
          takerSide: fc.constantFrom("buy" as const, "sell" as const),
          takerOrderId: fc.nat(),
          takerUserId: fc.nat(),
          takerFeeAtoms: atoms,
          takerFeeAsset: fc.constantFrom("BTC", "USDT"),
          makerOrderId: fc.nat(),
          makerUserId: fc.nat(),
          makerFeeAtoms: atoms,
          makerFeeAsset: fc.constantFrom("BTC", "USDT"),
          ts: time,
        }),
        (trade) => {
          const [taker, maker] = fillsOfTrade(trade);
          expect(taker?.orderId).toBe(trade.takerOrderId);
          expect(maker?.orderId).toBe(trade.makerOrderId);
          expect(taker?.side).not.toBe(maker?.side);
          for (const fill of [taker, maker]) {
            if (!fill) throw new Error("two fills expected");
            const parsed = ZFill.parse(JSON.parse(JSON.stringify(encodeFill(fill, units))));
            expect(parsed.executedAt.getTime()).toBe(trade.ts);
          }
          const pub = ZPublicTrade.parse(encodePublicTrade(trade, units));
          expect(pub.side).toBe(trade.takerSide);
        },
      ),
    );
  });
});
