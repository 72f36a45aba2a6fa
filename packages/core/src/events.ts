import type { RejectCode } from "./reject-code";
import type {
  AccountName,
  AssetConfig,
  CancelReason,
  FeeTierConfig,
  MarketConfig,
  MarketStatus,
  OrderType,
  SelfTradePrevention,
  Side,
  TimeInForce,
} from "./types";

/**
 * One leg of a ledger entry. The postings of one `balance.changed` event sum to zero per asset.
 * Positive adds to the account, negative takes from it.
 */
export interface Posting {
  account: AccountName;
  /** Owner of an `"available"` or `"frozen"` account; 0 for system accounts. */
  userId: number;
  asset: string;
  /** Signed change, in atoms. */
  amountAtoms: bigint;
  /** The account's balance after this posting, in atoms. */
  balanceAtoms: bigint;
}

/**
 * What moved money.
 * - `"order.freeze"`: an accepted order's funds, available → frozen.
 * - `"order.release"`: funds an order no longer needs (cancel, unused remainder, price improvement).
 * - `"trade"`: settlement of one fill, fees included.
 * - `"deposit"`, `"withdraw.freeze"`, `"withdraw.settle"`, `"withdraw.release"`, `"transfer"`,
 *   `"adjust"`: the balance command of that name.
 */
export type BalanceCause =
  | "order.freeze"
  | "order.release"
  | "trade"
  | "deposit"
  | "withdraw.freeze"
  | "withdraw.settle"
  | "withdraw.release"
  | "transfer"
  | "adjust";

/** A balanced set of postings. Order events carry `orderId`; trades `tradeId`; balance commands their key. */
export interface BalanceChangedEvent {
  type: "balance.changed";
  cause: BalanceCause;
  /** The order concerned, or 0. */
  orderId: number;
  /** The trade settled, or 0. */
  tradeId: number;
  /** The balance command's business, or "". */
  business: string;
  /** The balance command's business id, or "". */
  businessId: string;
  postings: Posting[];
}

export interface OrderAcceptedEvent {
  type: "order.accepted";
  symbol: string;
  orderId: number;
  userId: number;
  clientOrderId: string | null;
  side: Side;
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

export interface AssetAddedEvent extends AssetConfig {
  type: "asset.added";
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

/** Everything the core emits, discriminated by `type`. */
export type CoreEvent =
  | OrderAcceptedEvent
  | OrderRejectedEvent
  | OrderFillEvent
  | OrderCancelledEvent
  | TradeEvent
  | BalanceChangedEvent
  | BookLevelChangedEvent
  | MarketStatusChangedEvent
  | AssetAddedEvent
  | MarketAddedEvent
  | FeeTierSetEvent
  | FeeTierAssignedEvent;

export type CoreEventType = CoreEvent["type"];

export interface AcceptedResult {
  accepted: true;
  /** Id of the command that produced these events. */
  commandId: string;
  /**
   * True when a balance command repeated an earlier business key: this is the first result,
   * returned again; nothing changed and its events must not be published a second time.
   */
  repeated: boolean;
  events: CoreEvent[];
}

export interface RejectedResult {
  accepted: false;
  commandId: string;
  code: RejectCode;
  message: string;
  /** `order.rejected` for a rejected `order.place`; empty otherwise. */
  events: CoreEvent[];
}

/** What `ExchangeCore.apply` returns for every command. */
export type CommandResult = AcceptedResult | RejectedResult;
