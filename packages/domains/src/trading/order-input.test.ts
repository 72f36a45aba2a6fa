import type { Market } from "@exchange/contracts/market";
import { MarketUnits } from "@exchange/contracts/money";
import { RejectCode } from "@exchange/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError, AppErrorCode } from "../errors";
import { engineMarketConfig } from "../markets/market-config";
import type { MarketInfo } from "../markets/market-directory";
import { orderCommandOf } from "./order-input";
import type { PlaceOrderInput } from "./place-order-contracts";

const dto: Market = {
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
  takerFeeRate: "0.001",
  status: "TRADING",
};

function marketInfo(): MarketInfo {
  const config = engineMarketConfig(dto);
  const units = new MarketUnits({
    symbol: dto.symbol,
    base: dto.baseAsset,
    quote: dto.quoteAsset,
    basePrecision: dto.basePrecision,
    quotePrecision: dto.quotePrecision,
    tickSizeAtoms: config.tickSizeAtoms,
    lotSizeAtoms: config.lotSizeAtoms,
  });
  return { dto, config, units };
}

function place(input: Partial<PlaceOrderInput>) {
  return orderCommandOf(
    { symbol: "BTCUSDT", side: "sell", type: "limit", ...input },
    { userId: 7, market: marketInfo(), commandId: "c1", ts: 1 },
  );
}

/** The error `run` throws, which must be an AppError. */
function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("orderCommandOf: the market's maxima", () => {
  it("refuses the price of 1 followed by 45 zeros with the maximum in decimals", () => {
    const error = errorOf(() => place({ price: `1${"0".repeat(45)}`, quantity: "0.00001" }));
    expect(error.code).toBe(AppErrorCode.ORDER_REJECTED);
    expect(error.rejectCode).toBe(RejectCode.PriceAboveMax);
    expect(error.fieldErrors?.price).toEqual(["Price is above the maximum of 10000000 USDT."]);
  });

  it("accepts the maximum price, quantity and value themselves", () => {
    expect(place({ price: "10000000", quantity: "1" })).toMatchObject({
      priceTicks: 1_000_000_000n,
      qtyLots: 100_000n,
    });
    expect(place({ price: "10000", quantity: "1000" })).toMatchObject({ qtyLots: 100_000_000n });
  });

  it("refuses a quantity above the maximum", () => {
    const error = errorOf(() => place({ price: "1", quantity: "1000.00001" }));
    expect(error.rejectCode).toBe(RejectCode.QuantityAboveMax);
    expect(error.message).toBe("Quantity is above the maximum of 1000 BTC.");
  });

  it("refuses an order value above the maximum, limit or market buy by amount", () => {
    const limit = errorOf(() => place({ side: "buy", price: "10000.01", quantity: "1000" }));
    expect(limit.rejectCode).toBe(RejectCode.NotionalAboveMax);
    expect(limit.message).toBe("Order value is above the maximum of 10000000 USDT.");
    const spend = errorOf(() => place({ side: "buy", type: "market", quoteAmount: "10000000.01" }));
    expect(spend.rejectCode).toBe(RejectCode.NotionalAboveMax);
  });

  // A market buy's value at its protection price, and the cap of that price at the market's
  // maximum, are the core's now that it sets the price (core: market-slippage.test.ts).
  it("sends a market order's slippage to the engine in basis points, 5 % unless asked", () => {
    const byDefault = place({ side: "buy", type: "market", quantity: "1000" });
    expect(byDefault).toMatchObject({
      orderType: "market",
      qtyLots: 100_000_000n,
      slippageBps: 500,
    });
    expect(byDefault).not.toHaveProperty("priceLimitTicks");
    const asked = place({ side: "sell", type: "market", quantity: "1", slippagePercent: 0.25 });
    expect(asked).toMatchObject({ slippageBps: 25 });
  });
});

describe("orderCommandOf: stop-limit and take-profit-limit orders", () => {
  const units = marketInfo().units;
  // Ticks and lots within the market's maxima (price 10 000 000, quantity 1 000, value 10 000 000).
  const ticks = fc.bigInt({ min: 1n, max: 1_000_000_000n });
  const lots = fc.bigInt({ min: 1n, max: 10_000n });

  it("converts the stop price, price and quantity exactly, whatever the kind and side", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("stopLimit" as const, "takeProfitLimit" as const),
        fc.constantFrom("buy" as const, "sell" as const),
        ticks,
        ticks,
        lots,
        (type, side, stop, price, qty) => {
          const command = place({
            type,
            side,
            stopPrice: units.price(stop),
            price: units.price(price),
            quantity: units.quantity(qty),
            timeInForce: "IOC",
          });
          expect(command).toMatchObject({
            type: "order.place",
            orderType: type,
            stopPriceTicks: stop,
            priceTicks: price,
            qtyLots: qty,
            timeInForce: "IOC",
          });
        },
      ),
    );
  });

  it("refuses a stop price off the tick on its own field, never rounding it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 9 }),
        (whole, cents, digit) => {
          const offTick = `${whole}.${String(cents).padStart(2, "0")}${digit}`;
          const error = errorOf(() =>
            place({ type: "stopLimit", stopPrice: offTick, price: "100", quantity: "1" }),
          );
          expect(error.code).toBe(AppErrorCode.INVALID_INPUT);
          expect(error.fieldErrors?.stopPrice).toEqual(["Must be a multiple of 0.01 USDT."]);
        },
      ),
    );
  });

  it("requires a stop price, and refuses one on a limit or market order", () => {
    const missing = errorOf(() => place({ type: "stopLimit", price: "100", quantity: "1" }));
    expect(missing.fieldErrors?.stopPrice).toEqual(["Required."]);
    for (const type of ["limit", "market"] as const) {
      const error = errorOf(() =>
        place({
          type,
          stopPrice: "100",
          quantity: "1",
          ...(type === "limit" ? { price: "1" } : {}),
        }),
      );
      expect(error.fieldErrors?.stopPrice).toEqual([
        "Only stop-limit and take-profit orders take a stop price.",
      ]);
    }
  });

  it("refuses post-only and an amount to spend on a stop order", () => {
    const error = errorOf(() =>
      place({
        type: "takeProfitLimit",
        side: "buy",
        stopPrice: "90",
        price: "100",
        quantity: "1",
        postOnly: true,
        quoteAmount: "100",
      }),
    );
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["postOnly", "quoteAmount"]);
  });

  it("refuses a stop price above the market's maximum as the engine would", () => {
    const error = errorOf(() =>
      place({ type: "stopLimit", stopPrice: "10000000.01", price: "100", quantity: "1" }),
    );
    expect(error.rejectCode).toBe(RejectCode.PriceAboveMax);
  });
});
