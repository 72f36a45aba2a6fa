import { ExchangeCore, RejectCode } from "@exchange/core";
import { describe, expect, it } from "vitest";
import { isSetAsideOutcome, outcomeText, SET_ASIDE_MESSAGE, setAsideResult } from "./outcome";

const order = {
  type: "order.place",
  orderType: "limit",
  id: "o-1",
  ts: 1,
  userId: 7,
  symbol: "BTCUSDT",
  side: "buy",
  priceTicks: 1n,
  qtyLots: 1n,
} as const;

describe("set-aside outcomes", () => {
  it("are recognised by replay, so a command that threw is never applied again", () => {
    expect(isSetAsideOutcome(outcomeText(setAsideResult(order)))).toBe(true);
    const deposit = { ...order, type: "balance.deposit" } as never;
    expect(isSetAsideOutcome(outcomeText(setAsideResult(deposit)))).toBe(true);
  });

  it("are not confused with the core's own rejections, which replay must recompute", () => {
    const rejected = new ExchangeCore().apply(order);
    expect(rejected).toMatchObject({ accepted: false, code: RejectCode.UnknownMarket });
    expect(isSetAsideOutcome(outcomeText(rejected))).toBe(false);
  });

  it("reject an order like any rejected order, without the internal error text", () => {
    const result = setAsideResult(order);
    expect(result).toMatchObject({ accepted: false, code: RejectCode.InternalError });
    expect(result.events).toEqual([
      {
        type: "order.rejected",
        symbol: "BTCUSDT",
        userId: 7,
        clientOrderId: null,
        code: RejectCode.InternalError,
        message: SET_ASIDE_MESSAGE,
      },
    ]);
  });
});
