import { ZPlaceOrderInput } from "@exchange/domains/trading/place-order-contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BinanceError } from "./binance-errors";
import { newClientOrderId, newOrderParams } from "./binance-order-params";

const LIMIT = {
  symbol: "BTCUSDT",
  side: "BUY",
  type: "LIMIT",
  timeInForce: "GTC",
  price: "50000.5",
  quantity: "0.01",
};

function codeOf(run: () => unknown): number | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof BinanceError)) throw error;
    return error.code;
  }
}

describe("new order parameters", () => {
  it("reads each type with Binance's required and refused parameters", () => {
    expect(newOrderParams({ ...LIMIT, newClientOrderId: "bot-1" })).toEqual({
      input: {
        symbol: "BTCUSDT",
        side: "buy",
        clientOrderId: "bot-1",
        type: "limit",
        timeInForce: "GTC",
        price: "50000.5",
        quantity: "0.01",
      },
      respType: "FULL",
    });
    const maker = newOrderParams({ ...LIMIT, type: "LIMIT_MAKER", timeInForce: undefined });
    expect(maker).toMatchObject({ input: { type: "limit", postOnly: true }, respType: "ACK" });
    const stop = newOrderParams({ ...LIMIT, type: "STOP_LOSS_LIMIT", stopPrice: "49000" });
    expect(stop).toMatchObject({ input: { type: "stopLimit", stopPrice: "49000" } });
    const market = newOrderParams({
      symbol: "BTCUSDT",
      side: "BUY",
      type: "MARKET",
      quoteOrderQty: "100",
    });
    expect(market).toMatchObject({
      input: { type: "market", quoteAmount: "100" },
      respType: "FULL",
    });
    expect(codeOf(() => newOrderParams({ ...LIMIT, timeInForce: undefined }))).toBe(-1102);
    expect(codeOf(() => newOrderParams({ ...LIMIT, type: "LIMIT_MAKER" }))).toBe(-1106);
    expect(codeOf(() => newOrderParams({ ...LIMIT, type: "MARKET", timeInForce: undefined }))).toBe(
      -1106,
    );
    expect(codeOf(() => newOrderParams({ ...LIMIT, type: "OTO" }))).toBe(-1116);
    expect(codeOf(() => newOrderParams({ ...LIMIT, side: "buy" }))).toBe(-1117);
    expect(codeOf(() => newOrderParams({ ...LIMIT, timeInForce: "GTX" }))).toBe(-1115);
    expect(codeOf(() => newOrderParams({ ...LIMIT, price: "1e5" }))).toBe(-1100);
    expect(codeOf(() => newOrderParams({ ...LIMIT, price: ["1", "2"] }))).toBe(-1101);
    expect(
      codeOf(() =>
        newOrderParams({ symbol: "BTCUSDT", side: "SELL", type: "MARKET", quoteOrderQty: "5" }),
      ),
    ).toBe(-1014);
  });

  it("answers any parameters with a valid order or a Binance error, nothing else", () => {
    const value = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom(
        "BUY",
        "SELL",
        "LIMIT",
        "MARKET",
        "LIMIT_MAKER",
        "STOP_LOSS_LIMIT",
        "GTC",
        "1.5",
      ),
      fc.array(fc.string(), { maxLength: 2 }),
    );
    const name = fc.constantFrom(
      "symbol",
      "side",
      "type",
      "timeInForce",
      "price",
      "quantity",
      "quoteOrderQty",
      "stopPrice",
      "newOrderRespType",
      "newClientOrderId",
      "icebergQty",
    );
    fc.assert(
      fc.property(fc.dictionary(name, value), (params) => {
        const code = codeOf(() => {
          const { input } = newOrderParams({ ...LIMIT, ...params });
          expect(ZPlaceOrderInput.safeParse(input).success).toBe(true);
        });
        if (code !== undefined) expect(code).toBeLessThan(0);
      }),
      { numRuns: 2_000 },
    );
  });

  it("makes client order ids in Binance's form", () => {
    const ids = new Set(Array.from({ length: 100 }, newClientOrderId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{22}$/);
  });
});
