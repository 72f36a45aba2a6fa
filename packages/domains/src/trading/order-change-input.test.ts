import type { Market } from "@exchange/contracts/market";
import { MarketUnits } from "@exchange/contracts/money";
import { RejectCode } from "@exchange/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError, AppErrorCode } from "../errors";
import { engineMarketConfig } from "../markets/market-config";
import type { MarketInfo } from "../markets/market-directory";
import { amendCommandOf, ocoCommandOf } from "./order-change-input";
import type { AmendOrderInput, PlaceOcoInput } from "./place-order-contracts";

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

const config = engineMarketConfig(dto);
const market: MarketInfo = {
  dto,
  config,
  units: new MarketUnits({
    symbol: dto.symbol,
    base: dto.baseAsset,
    quote: dto.quoteAsset,
    basePrecision: dto.basePrecision,
    quotePrecision: dto.quotePrecision,
    tickSizeAtoms: config.tickSizeAtoms,
    lotSizeAtoms: config.lotSizeAtoms,
  }),
};
const units = market.units;
const ctx = { userId: 7, market, commandId: "c1", ts: 1 };

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const oco = (input: Partial<PlaceOcoInput>) =>
  ocoCommandOf(
    {
      symbol: "BTCUSDT",
      side: "sell",
      quantity: "1",
      price: "110",
      stopPrice: "90",
      stopLimitPrice: "89",
      ...input,
    },
    ctx,
  );

const amend = (input: Partial<AmendOrderInput>) =>
  amendCommandOf({ symbol: "BTCUSDT", orderId: 5, ...input }, ctx);

// Prices up to 10 000 (value of 1 000 lots stays under the maximum notional).
const ticks = fc.bigInt({ min: 1n, max: 1_000_000n });
const lots = fc.bigInt({ min: 1n, max: 100_000n });

describe("ocoCommandOf", () => {
  it("converts every price exactly and accepts a list iff its prices are in order", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("buy" as const, "sell" as const),
        ticks,
        ticks,
        ticks,
        lots,
        (side, price, stop, stopLimit, qty) => {
          const input = {
            side,
            price: units.price(price),
            stopPrice: units.price(stop),
            stopLimitPrice: units.price(stopLimit),
            quantity: units.quantity(qty),
          };
          const inOrder = side === "sell" ? price > stop : price < stop;
          if (!inOrder) {
            expect(errorOf(() => oco(input)).fieldErrors?.stopPrice).toHaveLength(1);
            return;
          }
          expect(oco(input)).toEqual({
            type: "order.placeOco",
            id: "c1",
            ts: 1,
            userId: 7,
            symbol: "BTCUSDT",
            side,
            qtyLots: qty,
            priceTicks: price,
            stopPriceTicks: stop,
            stopLimitPriceTicks: stopLimit,
            stopTimeInForce: "GTC",
          });
        },
      ),
    );
  });

  it("names each offending field, and refuses a leg beyond the market's maxima", () => {
    const error = errorOf(() => oco({ price: "110.001", stopLimitPrice: "-1", quantity: "0" }));
    expect(error.code).toBe(AppErrorCode.INVALID_INPUT);
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual([
      "price",
      "quantity",
      "stopLimitPrice",
    ]);
    const beyond = errorOf(() => oco({ side: "buy", price: "1", stopPrice: "10000000.01" }));
    expect(beyond.rejectCode).toBe(RejectCode.PriceAboveMax);
  });

  it("passes both client order ids and the stop's time in force", () => {
    expect(
      oco({ clientOrderId: "tp-1", stopClientOrderId: "sl-1", stopTimeInForce: "IOC" }),
    ).toMatchObject({ clientOrderId: "tp-1", stopClientOrderId: "sl-1", stopTimeInForce: "IOC" });
  });
});

describe("amendCommandOf", () => {
  it("sends only what changes, exactly, naming the order one way", () => {
    fc.assert(
      fc.property(fc.option(ticks, { nil: undefined }), lots, (price, qty) => {
        const command = amend({
          quantity: units.quantity(qty),
          ...(price === undefined ? {} : { price: units.price(price) }),
        });
        expect(command).toEqual({
          type: "order.amend",
          id: "c1",
          ts: 1,
          userId: 7,
          symbol: "BTCUSDT",
          orderId: 5,
          qtyLots: qty,
          ...(price === undefined ? {} : { priceTicks: price }),
        });
      }),
    );
    expect(amend({ orderId: undefined, clientOrderId: "mine", price: "5" })).toEqual(
      expect.objectContaining({ clientOrderId: "mine", priceTicks: 500n }),
    );
  });

  it("refuses nothing to change, a quantity off the lot, and a price beyond the maximum", () => {
    expect(errorOf(() => amend({})).fieldErrors?.quantity).toEqual([
      "Give a new quantity, a new price or both.",
    ]);
    expect(errorOf(() => amend({ quantity: "0.000001" })).fieldErrors?.quantity).toEqual([
      "Must be a multiple of 0.00001 BTC.",
    ]);
    expect(errorOf(() => amend({ price: "10000000.01" })).rejectCode).toBe(
      RejectCode.PriceAboveMax,
    );
  });
});
