import type { RejectCode } from "../../reject-code";
import type {
  CancelReason,
  FeeTierConfig,
  MarketConfig,
  MarketStatus,
  OrderType,
  SelfTradePrevention,
  Side,
  StopOrderType,
  TimeInForce,
} from "../../types";

/** Events of the spot module: orders, trades, books, markets and fee tiers. */

export interface OrderAcceptedEvent {
  type: "order.accepted";
  symbol: string;
  orderId: number;
  userId: number;
  clientOrderId: string | null;
  side: Side;
  /** `"limit"` for a stop order too: it works as a limit order once triggered. */
  orderType: OrderType;
  /** Limit price, or a market order's protection price, or 0 for an unbounded market order. */
  priceTicks: bigint;
  /** Quantity, or 0 for a market buy by quote amount. */
  qtyLots: bigint;
  /** Quote amount of a market buy by quote amount, otherwise 0. */
  quoteAtoms: bigint;
  timeInForce: TimeInForce;
  postOnly: boolean;
  stp: SelfTradePrevention;
  /** What was frozen on acceptance, in atoms of the quote (buy) or base (sell) asset. */
  frozenAtoms: bigint;
  ts: number;
  /**
   * Only on stop and take-profit orders: which of the two, and the trigger price. The order
   * waits, untriggered (its funds frozen), until the market's last trade price reaches it; see
   * `order.triggered`. (Optional fields, so that every consumer that knows limit orders reads a
   * stop order as the limit order it will become.)
   */
  stopOrderType?: StopOrderType;
  stopPriceTicks?: bigint;
  /**
   * Only on the orders of an OCO list: the list's id (the id of its limit order). The list's
   * funds are frozen once, for the larger of the two orders' needs: the limit order holds its
   * own, the stop order what the stop order needs beyond it (often 0).
   */
  listId?: number;
  /** Only on the order that an `order.amend` put in place of another: the replaced order's id. */
  replacesOrderId?: number;
}

/**
 * A stop or take-profit order triggered: it leaves the trigger book and works from now on as a
 * limit order placed at `ts` (its time priority), with the fill, rest or cancel events that
 * follow it in the same command.
 */
export interface OrderTriggeredEvent {
  type: "order.triggered";
  symbol: string;
  orderId: number;
  userId: number;
  stopPriceTicks: bigint;
  /** The market's last trade price when it triggered. */
  lastPriceTicks: bigint;
  /**
   * What the order holds now, before any release that follows: for an OCO's stop order this
   * includes the hold it took over from the list's limit order (cancelled next, with no release).
   */
  frozenAtoms: bigint;
  /** Only for an OCO's stop order: the limit order whose hold it took over. */
  takenOverFromOrderId?: number;
  /** The triggering command's time: the order's working time from now on. */
  ts: number;
}

/**
 * `order.amend` changed an open order. With `keptPriority` the order kept its id and place in
 * the queue (a quantity reduction); otherwise it was cancelled (reason `"amended"`) and
 * `newOrderId` accepted in its place with the new price or quantity, behind every order already
 * at that price; its `order.accepted` follows.
 */
export interface OrderAmendedEvent {
  type: "order.amended";
  symbol: string;
  orderId: number;
  userId: number;
  newOrderId: number;
  keptPriority: boolean;
  /** Price and total quantity (filled included) after the amendment. */
  priceTicks: bigint;
  qtyLots: bigint;
  /** Quantity still open after it. */
  remainingLots: bigint;
  ts: number;
}

/** An `order.place` was rejected; the command result carries the same code and message. */
export interface OrderRejectedEvent {
  type: "order.rejected";
  symbol: string;
  userId: number;
  clientOrderId: string | null;
  code: RejectCode;
  message: string;
}

/** Progress of an order after a fill; `filled` once nothing remains. */
export interface OrderFillEvent {
  type: "order.partiallyFilled" | "order.filled";
  symbol: string;
  orderId: number;
  userId: number;
  /** Cumulative filled quantity. */
  filledLots: bigint;
  /** Quantity still open (0 for a market buy by quote amount). */
  remainingLots: bigint;
  /** Cumulative quote value of the fills. */
  filledQuoteAtoms: bigint;
}

export interface OrderCancelledEvent {
  type: "order.cancelled";
  symbol: string;
  orderId: number;
  userId: number;
  reason: CancelReason;
  filledLots: bigint;
  /** Quantity that will now never fill (0 for a market buy by quote amount). */
  remainingLots: bigint;
  filledQuoteAtoms: bigint;
}

/** One fill between a taker and a resting maker, at the maker's price. */
export interface TradeEvent {
  type: "trade";
  symbol: string;
  tradeId: number;
  priceTicks: bigint;
  qtyLots: bigint;
  /** priceTicks × qtyLots × quote atoms per tick-lot: exactly what the buyer paid before fees. */
  quoteAtoms: bigint;
  takerSide: Side;
  takerOrderId: number;
  takerUserId: number;
  /** Fee charged to the taker, in atoms of what the taker received. */
  takerFeeAtoms: bigint;
  takerFeeAsset: string;
  makerOrderId: number;
  makerUserId: number;
  makerFeeAtoms: bigint;
  makerFeeAsset: string;
  ts: number;
}

/** A price level's new total; 0 when the level is gone. `seq` rises by one per event per market. */
export interface BookLevelChangedEvent {
  type: "book.levelChanged";
  symbol: string;
  side: Side;
  priceTicks: bigint;
  qtyLots: bigint;
  seq: number;
}

export interface MarketStatusChangedEvent {
  type: "market.statusChanged";
  symbol: string;
  status: MarketStatus;
  previous: MarketStatus;
}

export interface MarketAddedEvent extends MarketConfig {
  type: "market.added";
}

export interface FeeTierSetEvent extends FeeTierConfig {
  type: "feeTier.set";
}

export interface FeeTierAssignedEvent {
  type: "feeTier.assigned";
  userId: number;
  tier: number;
}

/** Everything the spot module emits. */
export type SpotEvent =
  | OrderAcceptedEvent
  | OrderTriggeredEvent
  | OrderAmendedEvent
  | OrderRejectedEvent
  | OrderFillEvent
  | OrderCancelledEvent
  | TradeEvent
  | BookLevelChangedEvent
  | MarketStatusChangedEvent
  | MarketAddedEvent
  | FeeTierSetEvent
  | FeeTierAssignedEvent;
