import type { OrderWire } from "@exchange/contracts/order";
import { describe, expect, it } from "vitest";
import {
  binanceCancelled,
  binanceNewOrder,
  binanceOrder,
  ZBinanceAck,
  ZBinanceCancelled,
  ZBinanceFull,
  ZBinanceOrder,
  ZBinanceResult,
} from "./binance-orders";

const LIMIT: OrderWire = {
  orderId: 42,
  clientOrderId: "bot-1",
  symbol: "BTCUSDT",
  side: "sell",
  type: "limit",
  price: "50000",
  stopPrice: null,
  listId: null,
  working: true,
  workingAt: 1_000,
  quantity: "0.5",
  quoteAmount: null,
  filledQuantity: "0.1",
  filledQuote: "5000",
  averagePrice: "50000",
  status: "PARTIALLY_FILLED",
  timeInForce: "GTC",
  postOnly: false,
  cancelReason: null,
  createdAt: 1_000,
  updatedAt: 2_000,
};

describe("orders in Binance's JSON", () => {
  it("writes every field as Binance does", () => {
    const order = binanceOrder(LIMIT);
    expect(ZBinanceOrder.parse(order)).toEqual({
      symbol: "BTCUSDT",
      orderId: 42,
      orderListId: -1,
      clientOrderId: "bot-1",
      price: "50000.00000000",
      origQty: "0.50000000",
      executedQty: "0.10000000",
      cummulativeQuoteQty: "5000.00000000",
      status: "PARTIALLY_FILLED",
      timeInForce: "GTC",
      type: "LIMIT",
      side: "SELL",
      stopPrice: "0.00000000",
      icebergQty: "0.00000000",
      time: 1_000,
      updateTime: 2_000,
      isWorking: true,
      workingTime: 1_000,
      origQuoteOrderQty: "0.00000000",
      selfTradePreventionMode: "NONE",
    });
  });

  it("names kinds and statuses in Binance's words", () => {
    const kind = (o: Partial<OrderWire>) => binanceOrder({ ...LIMIT, ...o });
    expect(kind({ postOnly: true }).type).toBe("LIMIT_MAKER");
    expect(kind({ type: "market", price: "52500" })).toMatchObject({
      type: "MARKET",
      price: "0.00000000",
    });
    expect(
      kind({ type: "stopLimit", stopPrice: "45000", working: false, workingAt: null }),
    ).toMatchObject({
      type: "STOP_LOSS_LIMIT",
      stopPrice: "45000.00000000",
      isWorking: false,
      workingTime: -1,
    });
    expect(kind({ type: "takeProfitLimit" }).type).toBe("TAKE_PROFIT_LIMIT");
    expect(kind({ status: "OPEN" }).status).toBe("NEW");
    expect(kind({ status: "FILLED" }).status).toBe("FILLED");
    expect(kind({ status: "CANCELLED", cancelReason: "user" }).status).toBe("CANCELED");
    expect(kind({ status: "CANCELLED", cancelReason: "expired" }).status).toBe("EXPIRED");
    expect(kind({ status: "CANCELLED", cancelReason: "selfTrade" }).status).toBe(
      "EXPIRED_IN_MATCH",
    );
    expect(kind({ clientOrderId: null }).clientOrderId).toBe("");
  });

  it("answers a new order as ACK, RESULT or FULL, and a cancel with its original id", () => {
    const fills = [{ tradeId: 7, price: "50000", quantity: "0.1", fee: "5", feeAsset: "USDT" }];
    const placed = { order: LIMIT, fills };
    expect(ZBinanceAck.strict().parse(binanceNewOrder(placed, "ACK", 3_000))).toMatchObject({
      transactTime: 3_000,
    });
    expect(
      ZBinanceResult.strict().parse(binanceNewOrder(placed, "RESULT", 3_000)),
    ).not.toHaveProperty("fills");
    expect(ZBinanceFull.parse(binanceNewOrder(placed, "FULL", 3_000)).fills).toEqual([
      {
        price: "50000.00000000",
        qty: "0.10000000",
        commission: "5.00000000",
        commissionAsset: "USDT",
        tradeId: 7,
      },
    ]);
    const cancelled = binanceCancelled({ ...LIMIT, clientOrderId: "cancel-1" }, "bot-1", 4_000);
    expect(ZBinanceCancelled.parse(cancelled)).toMatchObject({
      clientOrderId: "cancel-1",
      origClientOrderId: "bot-1",
      transactTime: 4_000,
    });
  });
});
