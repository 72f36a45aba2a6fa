import type { MarketDto } from "@exchange/api/client";
import { decimal, formatDecimal } from "@exchange/contracts/money";
import { RejectCode } from "@exchange/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import en from "../../../messages/en/trade.json";
import { REJECT, rejectionOf, shortfallOf } from "./order-feedback";

const market: MarketDto = {
  symbol: "ETHUSDT",
  baseAsset: "ETH",
  quoteAsset: "USDT",
  basePrecision: 8,
  quotePrecision: 6,
  priceTick: "0.01",
  lotSize: "0.0001",
  minQty: "0.0001",
  maxQty: "1000",
  maxPrice: "1000000",
  minNotional: "5",
  maxNotional: "1000000",
  maxOpenOrders: 200,
  makerFeeRate: "0.001",
  takerFeeRate: "0.001",
  status: "TRADING",
};

/** A non-negative decimal of up to 8 places, as the API writes amounts. */
const amount = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.integer({ min: 0, max: 8 }))
  .map(([units, scale]) => formatDecimal({ units, scale }));

describe("the funding hint", () => {
  it("offers a deposit on an empty balance, whatever the order", () => {
    fc.assert(
      fc.property(fc.constantFrom("0", "0.00", "0.000000"), fc.option(amount), (zero, need) => {
        expect(shortfallOf(zero, need === null ? null : decimal(need))).toBe("zero");
      }),
    );
  });

  it("says short exactly when the order needs more than is available", () => {
    fc.assert(
      fc.property(amount, amount, (have, need) => {
        fc.pre(decimal(have).units > 0n);
        const expected =
          decimal(need).units * 10n ** BigInt(decimal(have).scale) >
          decimal(have).units * 10n ** BigInt(decimal(need).scale)
            ? "short"
            : null;
        expect(shortfallOf(have, decimal(need))).toBe(expected);
      }),
    );
  });

  it("stays quiet while the balance or the order's need is unknown", () => {
    expect(shortfallOf(null, decimal("5"))).toBeNull();
    expect(shortfallOf("12.5", null)).toBeNull();
  });
});

describe("the engine's refusals", () => {
  it("repeat the core's reject codes", () => {
    for (const [name, code] of Object.entries(REJECT)) {
      expect(RejectCode[name as keyof typeof RejectCode], name).toBe(code);
    }
  });

  it("read as the API words them in English, with the market's numbers", () => {
    const english = (code: number) => {
      const found = rejectionOf(code, market);
      if (!found) return null;
      const text = en.reject[found.key];
      return [
        found.field,
        text.replace(/\{(\w+)\}/g, (_, name: string) => String(found.values[name])),
      ];
    };
    expect(english(REJECT.InsufficientBalance)).toEqual([
      "quantity",
      "Insufficient balance for this order.",
    ]);
    expect(english(REJECT.NotionalBelowMin)).toEqual([
      "quantity",
      "Order value is below the minimum of 5 USDT.",
    ]);
    expect(english(REJECT.PriceAboveMax)).toEqual([
      "price",
      "Price is above the maximum of 1000000 USDT.",
    ]);
    expect(english(REJECT.TooManyOpenOrders)).toEqual([
      "_",
      "You have 200 open orders on ETH/USDT, the most allowed: cancel one first.",
    ]);
    expect(english(999)).toBeNull();
  });
});
