import type { CancelReason, OrderType, Side, StopOrderType, TimeInForce } from "@exchange/core";
import { z } from "zod";
import { epochMs, type MarketDecimals, ZDecimal, ZSide, ZTime } from "./wire";

/**
 * Where an order stands, as its owner sees it.
 * - `OPEN`: accepted, nothing filled yet (resting, or a taker still matching).
 * - `PARTIALLY_FILLED`: some filled, the rest still open.
 * - `FILLED`: all of it filled; final.
 * - `CANCELLED`: the rest will never fill (user, cancel-all, expiry of IOC/FOK, self-trade); final.
 * The database's `"OrderStatus"` enum has the same four values.
 */
export const ORDER_STATUSES = ["OPEN", "PARTIALLY_FILLED", "FILLED", "CANCELLED"] as const;
export const ZOrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof ZOrderStatus>;

/** Why an order was cancelled (packages/core CancelReason). */
export const ZCancelReason = z.enum([
  "user",
  "cancelAll",
  "expired",
  "selfTrade",
  "amended",
  "oco",
  "marketClosed",
  "liquidation",
  "positionClosed",
]);

/**
 * The kinds of order a trader sees: a stop-limit order (triggers when the last trade price moves
 * against the trader's position to its stop price) and a take-profit-limit order (when it moves
 * in its favour) work as limit orders once triggered, so the engine's events call them "limit"
 * with a `stopOrderType`; here they keep their own name for their whole life.
 */
export const ORDER_TYPES = ["limit", "market", "stopLimit", "takeProfitLimit"] as const;
export const ZOrderType = z.enum(ORDER_TYPES);
export type OrderKind = z.infer<typeof ZOrderType>;

/** One order, in the market's decimal units: the order lists, the place-order reply, `@order`. */
export const ZOrder = z.object({
  orderId: z.number().int(),
  clientOrderId: z.string().nullable(),
  symbol: z.string(),
  side: ZSide,
  type: ZOrderType,
  /** Limit price (a stop order's once triggered), or a market order's protection price; null for none. */
  price: ZDecimal.nullable(),
  /** A stop or take-profit order's trigger price (the last trade price); null for other orders. */
  stopPrice: ZDecimal.nullable(),
  /** The OCO list the order belongs to (the id of the list's limit order), or null. */
  listId: z.number().int().nullable(),
  /** False while a stop order waits for its trigger; true for every other order. */
  working: z.boolean(),
  /** When it started working (its time priority): placement, or a stop order's trigger; null while waiting. */
  workingAt: ZTime.nullable(),
  /** Ordered base quantity; null for a market buy by quote amount. */
  quantity: ZDecimal.nullable(),
  /** Quote amount of a market buy by quote amount, else null. */
  quoteAmount: ZDecimal.nullable(),
  filledQuantity: ZDecimal,
  /** Quote value of the fills, before fees. */
  filledQuote: ZDecimal,
  /** filledQuote / filledQuantity, rounded down to the tick; null before any fill. */
  averagePrice: ZDecimal.nullable(),
  status: ZOrderStatus,
  timeInForce: z.enum(["GTC", "IOC", "FOK"]),
  postOnly: z.boolean(),
  cancelReason: ZCancelReason.nullable(),
  createdAt: ZTime,
  updatedAt: ZTime,
});
/** An order once parsed (times as Dates). */
export type Order = z.output<typeof ZOrder>;
/** An order as encoded for the wire (times as epoch ms). */
export type OrderWire = z.input<typeof ZOrder>;

/** An order's facts in engine units, from the engine's events or from the orders read model. */
export interface OrderFacts {
  orderId: number;
  clientOrderId: string | null;
  symbol: string;
  side: Side;
  orderType: OrderType;
  /** Which stop kind, for a stop or take-profit order (whose `orderType` is "limit"); else null. */
  stopOrderType: StopOrderType | null;
  /** Trigger price of a stop order; null for other orders. */
  stopPriceTicks: bigint | null;
  listId: number | null;
  working: boolean;
  /** Null while a stop order waits for its trigger. */
  workingAt: number | Date | null;
  priceTicks: bigint;
  qtyLots: bigint;
  quoteAtoms: bigint;
  filledLots: bigint;
  filledQuoteAtoms: bigint;
  status: OrderStatus;
  timeInForce: TimeInForce;
  postOnly: boolean;
  cancelReason: CancelReason | null;
  createdAt: number | Date;
  updatedAt: number | Date;
}

/** An order for the wire: decimals in the market's units; absent amounts (0 in the engine) are null. */
export function encodeOrder(o: OrderFacts, units: MarketDecimals): OrderWire {
  return {
    orderId: o.orderId,
    clientOrderId: o.clientOrderId,
    symbol: o.symbol,
    side: o.side,
    type: o.stopOrderType ?? o.orderType,
    price: o.priceTicks === 0n ? null : units.price(o.priceTicks),
    stopPrice: o.stopPriceTicks === null ? null : units.price(o.stopPriceTicks),
    listId: o.listId,
    working: o.working,
    workingAt: o.working && o.workingAt !== null ? epochMs(o.workingAt) : null,
    quantity: o.qtyLots === 0n ? null : units.quantity(o.qtyLots),
    quoteAmount: o.quoteAtoms === 0n ? null : units.quote(o.quoteAtoms),
    filledQuantity: units.quantity(o.filledLots),
    filledQuote: units.quote(o.filledQuoteAtoms),
    averagePrice: units.averagePrice(o.filledQuoteAtoms, o.filledLots),
    status: o.status,
    timeInForce: o.timeInForce,
    postOnly: o.postOnly,
    cancelReason: o.cancelReason,
    createdAt: epochMs(o.createdAt),
    updatedAt: epochMs(o.updatedAt),
  };
}
