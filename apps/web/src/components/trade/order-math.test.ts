import type { MarketDto } from "@exchange/api/client";
import { add, compare, decimal, formatDecimal } from "@exchange/contracts/money";
import { describe, expect, it } from "vitest";
import {
  estimatedQuantity,
  feeEstimate,
  higherRate,
  maximaProblems,
  normalised,
  notional,
  quantityFromBase,
  quantityFromQuote,
  spendFromQuote,
} from "./order-math";

const BTCUSDT: MarketDto = {
  symbol: "BTCUSDT",
  baseAsset: "BTC",
  quoteAsset: "USDT",
  basePrecision: 8,
  quotePrecision: 8,
  priceTick: "0.01",
  lotSize: "0.00001",
  minQty: "0.00001",
  maxQty: "1000",
  maxPrice: "10000000",
  minNotional: "5",
  maxNotional: "10000000",
  maxOpenOrders: 200,
  makerFeeRate: "0.001",
  takerFeeRate: "0.002",
  status: "TRADING",
};

describe("order form amounts", () => {
  it("sells a percentage of the base balance, down to the lot", () => {
    expect(quantityFromBase(BTCUSDT, "0.12345678", 100)).toBe("0.12345");
    expect(quantityFromBase(BTCUSDT, "0.12345678", 25)).toBe("0.03086");
    expect(quantityFromBase(BTCUSDT, "0.00000999", 50)).toBe("0.00000");
  });

  it("buys what a percentage of the quote balance pays for at the price, never more", () => {
    // 1000 / 30000.01 = 0.0333333… → 0.03333 BTC, costing 999.9003333: within the balance.
    expect(quantityFromQuote(BTCUSDT, "1000", 100, decimal("30000.01"))).toBe("0.03333");
    expect(quantityFromQuote(BTCUSDT, "1000", 50, decimal("30000.01"))).toBe("0.01666");
    const quantity = decimal(quantityFromQuote(BTCUSDT, "777.77", 75, decimal("123.45")));
    const cost = notional(decimal("123.45"), quantity);
    expect(compare(cost, decimal("583.3275"))).toBeLessThanOrEqual(0);
    expect(
      compare(notional(decimal("123.45"), add(quantity, decimal("0.00001"))), decimal("583.3275")),
    ).toBe(1);
  });

  it("spends a percentage of the quote balance, down to the quote's precision", () => {
    expect(spendFromQuote(BTCUSDT, "1000.12345678", 25)).toBe("250.03086419");
    expect(spendFromQuote(BTCUSDT, "100", 100)).toBe("100");
  });

  it("normalises half-typed numbers for the API", () => {
    expect(normalised(".5")).toBe("0.5");
    expect(normalised("3.")).toBe("3");
    expect(normalised("0.10")).toBe("0.1");
    expect(normalised("abc")).toBeNull();
  });
});

describe("fee estimate", () => {
  it("charges a buyer in base and a seller in quote, rounded up", () => {
    const quantity = decimal("0.00333");
    const value = notional(decimal("30000.01"), quantity);
    expect(feeEstimate(BTCUSDT, "buy", "0.001", quantity, value)).toEqual({
      amount: "0.00000333",
      asset: "BTC",
    });
    // 0.00333 × 0.0013 = 0.000004329 → 0.00000433 BTC, up to the satoshi.
    expect(feeEstimate(BTCUSDT, "buy", "0.0013", quantity, value).amount).toBe("0.00000433");
    expect(feeEstimate(BTCUSDT, "sell", "0.001", quantity, value)).toEqual({
      amount: "0.09990004",
      asset: "USDT",
    });
  });

  it("estimates a market buy's quantity from the amount to spend", () => {
    expect(formatDecimal(estimatedQuantity(BTCUSDT, decimal("100"), decimal("30000")))).toBe(
      "0.00333333",
    );
  });

  it("takes the higher of the maker and taker rates for a limit order that may take", () => {
    expect(higherRate("0.001", "0.002")).toBe("0.002");
    expect(higherRate("0.0015", "0.001")).toBe("0.0015");
  });
});

describe("order form maxima", () => {
  it("flags the price of 1 followed by 45 zeros before it is sent", () => {
    const price = decimal(`1${"0".repeat(45)}`);
    expect(maximaProblems(BTCUSDT, { price, quantity: decimal("0.00001"), spend: null })).toEqual({
      price: { key: "priceAboveMax", values: { max: "10000000", asset: "USDT" } },
      quantity: { key: "notionalAboveMax", values: { max: "10000000", asset: "USDT" } },
    });
  });

  it("accepts each maximum itself and flags what is just above it", () => {
    const at = { price: decimal("10000"), quantity: decimal("1000"), spend: decimal("10000000") };
    expect(maximaProblems(BTCUSDT, at)).toEqual({});
    expect(
      maximaProblems(BTCUSDT, {
        price: decimal("10000"),
        quantity: decimal("1000.00001"),
        spend: decimal("10000000.00000001"),
      }),
    ).toEqual({
      quantity: { key: "quantityAboveMax", values: { max: "1000", asset: "BTC" } },
      quoteAmount: { key: "notionalAboveMax", values: { max: "10000000", asset: "USDT" } },
    });
  });
});
