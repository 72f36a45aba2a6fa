import type { OrderWire } from "@exchange/contracts/order";
import type { FillWire } from "@exchange/contracts/trade";
import { z } from "zod";
import { binanceDecimal } from "./binance-decimal";
import { epochOf, ZBinanceDecimal } from "./binance-wire";

/**
 * Our orders in Binance's JSON, written once: every signed route that answers an order (new,
 * query, cancel, lists, OCO, cancelReplace) goes through here.
 */

/** An order as the trading domain answers it. */
export type OrderSource = OrderWire;

export const BINANCE_ORDER_STATUSES = [
  "NEW",
  "PARTIALLY_FILLED",
  "FILLED",
  "CANCELED",
  "REJECTED",
  "EXPIRED",
  "EXPIRED_IN_MATCH",
] as const;
export type BinanceOrderStatus = (typeof BINANCE_ORDER_STATUSES)[number];

export const BINANCE_ORDER_KINDS = [
  "LIMIT",
  "MARKET",
  "LIMIT_MAKER",
  "STOP_LOSS_LIMIT",
  "TAKE_PROFIT_LIMIT",
] as const;
export type BinanceOrderKind = (typeof BINANCE_ORDER_KINDS)[number];

/** Our self-trade rule, in Binance's words (exchangeInfo announces NONE as the only mode). */
const SELF_TRADE_PREVENTION_MODE = "NONE";

/** The fields every form of an order answer shares (ACK's are the first five). */
const ackShape = {
  symbol: z.string(),
  orderId: z.number().int(),
  orderListId: z.number().int(),
  clientOrderId: z.string(),
  transactTime: z.number().int(),
};

const orderShape = {
  symbol: z.string(),
  orderId: z.number().int(),
  orderListId: z.number().int(),
  clientOrderId: z.string(),
  price: ZBinanceDecimal,
  origQty: ZBinanceDecimal,
  executedQty: ZBinanceDecimal,
  cummulativeQuoteQty: ZBinanceDecimal,
  status: z.enum(BINANCE_ORDER_STATUSES),
  timeInForce: z.enum(["GTC", "IOC", "FOK"]),
  type: z.enum(BINANCE_ORDER_KINDS),
  side: z.enum(["BUY", "SELL"]),
  stopPrice: ZBinanceDecimal,
  icebergQty: ZBinanceDecimal,
  workingTime: z.number().int(),
  origQuoteOrderQty: ZBinanceDecimal,
  selfTradePreventionMode: z.string(),
};

/** `GET /api/v3/order`, the order lists: the order as it stands. */
export const ZBinanceOrder = z.object({
  ...orderShape,
  time: z.number().int(),
  updateTime: z.number().int(),
  isWorking: z.boolean(),
});
export type BinanceOrder = z.infer<typeof ZBinanceOrder>;

export const ZBinanceFill = z.object({
  price: ZBinanceDecimal,
  qty: ZBinanceDecimal,
  commission: ZBinanceDecimal,
  commissionAsset: z.string(),
  tradeId: z.number().int(),
});

export const ZBinanceAck = z.object(ackShape);
export const ZBinanceResult = z.object({ ...orderShape, transactTime: z.number().int() });
export const ZBinanceFull = ZBinanceResult.extend({ fills: z.array(ZBinanceFill) });
/** A new order's answer in any of its three forms. */
export const ZBinanceNewOrder = z.union([ZBinanceFull, ZBinanceResult, ZBinanceAck]);
export type BinanceNewOrder = z.infer<typeof ZBinanceNewOrder>;

/** `DELETE /api/v3/order`: the order as it was cancelled, with the cancel's time. */
export const ZBinanceCancelled = z.object({
  ...orderShape,
  origClientOrderId: z.string(),
  transactTime: z.number().int(),
});
export type BinanceCancelled = z.infer<typeof ZBinanceCancelled>;

export type NewOrderRespType = "ACK" | "RESULT" | "FULL";

/** Binance's order type for ours (a post-only limit is a LIMIT_MAKER). */
export function binanceOrderKind(order: OrderSource): BinanceOrderKind {
  switch (order.type) {
    case "market":
      return "MARKET";
    case "stopLimit":
      return "STOP_LOSS_LIMIT";
    case "takeProfitLimit":
      return "TAKE_PROFIT_LIMIT";
    default:
      return order.postOnly ? "LIMIT_MAKER" : "LIMIT";
  }
}

/**
 * Binance's status: our CANCELLED splits by why. An IOC/FOK or market remainder the book could
 * not take is EXPIRED, a self-trade's cancel EXPIRED_IN_MATCH, anything else CANCELED.
 */
export function binanceStatus(order: OrderSource): BinanceOrderStatus {
  switch (order.status) {
    case "OPEN":
      return "NEW";
    case "PARTIALLY_FILLED":
      return "PARTIALLY_FILLED";
    case "FILLED":
      return "FILLED";
    default:
      if (order.cancelReason === "expired") return "EXPIRED";
      if (order.cancelReason === "selfTrade") return "EXPIRED_IN_MATCH";
      return "CANCELED";
  }
}

/** The fields of an order that every answer but ACK carries. */
function orderFields(order: OrderSource) {
  const kind = binanceOrderKind(order);
  const working = order.working;
  return {
    symbol: order.symbol,
    orderId: order.orderId,
    orderListId: order.listId ?? -1,
    // Orders placed without one (from the web) have none; Binance's clients accept "".
    clientOrderId: order.clientOrderId ?? "",
    // A market order's protection price is ours, not the trader's: Binance shows 0.
    price: kind === "MARKET" ? binanceDecimal(null) : binanceDecimal(order.price),
    origQty: binanceDecimal(order.quantity),
    executedQty: binanceDecimal(order.filledQuantity),
    cummulativeQuoteQty: binanceDecimal(order.filledQuote),
    status: binanceStatus(order),
    timeInForce: kind === "MARKET" ? ("GTC" as const) : order.timeInForce,
    type: kind,
    side: order.side === "buy" ? ("BUY" as const) : ("SELL" as const),
    stopPrice: binanceDecimal(order.stopPrice),
    icebergQty: binanceDecimal(null),
    workingTime: working ? epochOf(order.workingAt ?? order.createdAt) : -1,
    origQuoteOrderQty: binanceDecimal(order.quoteAmount),
    selfTradePreventionMode: SELF_TRADE_PREVENTION_MODE,
  };
}

/** An order as `GET /api/v3/order` and the lists answer it. */
export function binanceOrder(order: OrderSource): BinanceOrder {
  return {
    ...orderFields(order),
    time: epochOf(order.createdAt),
    updateTime: epochOf(order.updatedAt),
    isWorking: order.working,
  };
}

/** A fill of a new order, as FULL lists them. */
export interface NewOrderFill {
  tradeId: number;
  price: string;
  quantity: string;
  fee: string;
  feeAsset: string;
}

/**
 * A new order's answer in the form asked for: ACK (ids and time), RESULT (the order as it
 * stands after matching) or FULL (RESULT with the fills).
 */
export function binanceNewOrder(
  placed: { order: OrderSource; fills: readonly NewOrderFill[] },
  respType: NewOrderRespType,
  transactTime: number,
): BinanceNewOrder {
  const fields = orderFields(placed.order);
  if (respType === "ACK") {
    const { symbol, orderId, orderListId, clientOrderId } = fields;
    return { symbol, orderId, orderListId, clientOrderId, transactTime };
  }
  const result = { ...fields, transactTime };
  if (respType === "RESULT") return result;
  return { ...result, fills: placed.fills.map(binanceFill) };
}

function binanceFill(fill: NewOrderFill) {
  return {
    price: binanceDecimal(fill.price),
    qty: binanceDecimal(fill.quantity),
    commission: binanceDecimal(fill.fee),
    commissionAsset: fill.feeAsset,
    tradeId: fill.tradeId,
  };
}

/** A cancelled order as `DELETE /api/v3/order` answers it. */
export function binanceCancelled(
  order: OrderSource,
  origClientOrderId: string,
  transactTime: number,
): BinanceCancelled {
  return { ...orderFields(order), origClientOrderId, transactTime };
}

/** `GET /api/v3/myTrades`: one of the caller's fills. */
export const ZBinanceMyTrade = z.object({
  symbol: z.string(),
  id: z.number().int(),
  orderId: z.number().int(),
  orderListId: z.number().int(),
  price: ZBinanceDecimal,
  qty: ZBinanceDecimal,
  quoteQty: ZBinanceDecimal,
  commission: ZBinanceDecimal,
  commissionAsset: z.string(),
  time: z.number().int(),
  isBuyer: z.boolean(),
  isMaker: z.boolean(),
  isBestMatch: z.boolean(),
});
export type BinanceMyTrade = z.infer<typeof ZBinanceMyTrade>;

export function binanceMyTrade(fill: FillWire): BinanceMyTrade {
  return {
    symbol: fill.symbol,
    id: fill.tradeId,
    orderId: fill.orderId,
    orderListId: -1,
    price: binanceDecimal(fill.price),
    qty: binanceDecimal(fill.quantity),
    quoteQty: binanceDecimal(fill.quoteAmount),
    commission: binanceDecimal(fill.fee),
    commissionAsset: fill.feeAsset,
    time: epochOf(fill.executedAt),
    isBuyer: fill.side === "buy",
    isMaker: fill.liquidity === "maker",
    isBestMatch: true,
  };
}
