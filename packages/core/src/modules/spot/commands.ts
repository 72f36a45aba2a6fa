import type { CommandBase } from "../../commands";
import type {
  FeeTierConfig,
  MarketConfig,
  MarketStatus,
  SelfTradePrevention,
  Side,
  StopOrderType,
  TimeInForce,
} from "../../types";

/** Commands of the spot module: markets, fee tiers, orders. */

/** The market limits that commands journaled before they existed leave out. */
type LaterMarketLimits = "maxPriceTicks" | "maxNotionalAtoms" | "maxOpenOrders";

/**
 * Adds a market; `status` defaults to `"trading"`, an omitted limit to its ceiling
 * (`LEGACY_LIMITS`, so that journals written before the limits replay as they ran).
 */
export interface AddMarketCommand
  extends CommandBase,
    Omit<MarketConfig, "status" | LaterMarketLimits>,
    Partial<Pick<MarketConfig, LaterMarketLimits>> {
  type: "market.add";
  status?: MarketStatus;
}

export interface SetMarketStatusCommand extends CommandBase {
  type: "market.setStatus";
  symbol: string;
  status: MarketStatus;
}

/** Defines or redefines a fee tier. */
export interface SetFeeTierCommand extends CommandBase, FeeTierConfig {
  type: "feeTier.set";
}

/** Puts a user in a fee tier; it applies to fills from then on. */
export interface AssignFeeTierCommand extends CommandBase {
  type: "feeTier.assign";
  userId: number;
  tier: number;
}

interface PlaceOrderBase extends CommandBase {
  type: "order.place";
  userId: number;
  symbol: string;
  side: Side;
  /** Optional id chosen by the user, unique among the user's open orders. */
  clientOrderId?: string;
  /** Self-trade prevention; `"cancelTaker"` when omitted. */
  stp?: SelfTradePrevention;
  /** Perpetual contracts only: the order may only reduce the position (see perpetual-orders.ts). */
  reduceOnly?: boolean;
}

export interface PlaceLimitOrderCommand extends PlaceOrderBase {
  orderType: "limit";
  priceTicks: bigint;
  qtyLots: bigint;
  /** `"GTC"` when omitted. */
  timeInForce?: TimeInForce;
  /** Reject instead of trading on arrival; GTC only. */
  postOnly?: boolean;
}

/**
 * A market order gives exactly one of `qtyLots` (base quantity, either side) or `quoteAtoms`
 * (quote amount to spend, buys only), and at most one protection: `priceLimitTicks`, a price
 * no fill may pass (none above it for a buy, below it for a sell), or `slippageBps`, from which
 * the core sets that price off its own best opposite price when the order arrives (see
 * `protectionPrice` in place-order.ts; rejected with `PriceLimitRequired` when that side is
 * empty). A buy by base quantity must give one, because it sets what is frozen:
 * `qtyLots × protection price` worth of quote, the unused part released at once.
 */
export interface PlaceMarketOrderCommand extends PlaceOrderBase {
  orderType: "market";
  qtyLots?: bigint;
  quoteAtoms?: bigint;
  priceLimitTicks?: bigint;
  /** Slippage allowance in basis points of the best opposite price, an integer in 1..5000. */
  slippageBps?: number;
}

/**
 * A stop-loss or take-profit limit order (see `StopOrderType` for when each triggers). Its funds
 * are frozen on acceptance, as for the limit order it becomes: a buy `priceTicks × qtyLots`
 * worth of quote, a sell `qtyLots` of base. It is rejected (`StopWouldTriggerNow`) when the
 * market's last trade price already meets its stop price, as Binance rejects a stop that would
 * trigger immediately; with no trade yet in the market there is nothing to compare with and it
 * waits. It counts among the user's open orders from acceptance. Triggered, it matches and rests
 * as a limit order with its time in force, with the triggering command's time as its priority.
 */
export interface PlaceStopOrderCommand extends PlaceOrderBase {
  orderType: StopOrderType;
  /** The limit price it works at once triggered. */
  priceTicks: bigint;
  qtyLots: bigint;
  /** The last trade price that triggers it. */
  stopPriceTicks: bigint;
  /** `"GTC"` when omitted; applies from when it triggers. */
  timeInForce?: TimeInForce;
}

/** The plain order kinds; stop orders share the command type (see `AnyPlaceOrderCommand`). */
export type PlaceOrderCommand = PlaceLimitOrderCommand | PlaceMarketOrderCommand;

/** Every `order.place`: plain orders and stop orders. */
export type AnyPlaceOrderCommand = PlaceOrderCommand | PlaceStopOrderCommand;

/**
 * An OCO list, as Binance's: a post-only limit order (`priceTicks`; Binance's LIMIT_MAKER leg)
 * and a stop-loss limit order (`stopPriceTicks`, working at `stopLimitPriceTicks`) of the same
 * side and quantity. A sell's limit price is above its stop price, a buy's below. The list
 * freezes once, for the larger need of the two. When either order fills (even partly) or the
 * stop triggers, the other is cancelled in the same command; cancelling either cancels both.
 */
export interface PlaceOcoOrderCommand extends CommandBase {
  type: "order.placeOco";
  userId: number;
  symbol: string;
  side: Side;
  qtyLots: bigint;
  priceTicks: bigint;
  stopPriceTicks: bigint;
  stopLimitPriceTicks: bigint;
  /** Time in force of the stop order once triggered; `"GTC"` when omitted. */
  stopTimeInForce?: TimeInForce;
  /** Client order ids of the limit and the stop order. */
  clientOrderId?: string;
  stopClientOrderId?: string;
  stp?: SelfTradePrevention;
}

/**
 * Amends an open order of the user, named by `orderId` or `clientOrderId`: a new total quantity
 * (`qtyLots`, filled part included, as Binance's `newQty`) and/or a new price. Reducing the
 * quantity only keeps the order's id and queue place and releases what it no longer needs; any
 * other change (price, or more quantity) cancels it and places a new order for the rest, with a
 * new id and priority (`order.amended` says which happened). OCO orders cannot be amended; an
 * untriggered stop order only reduced.
 */
export interface AmendOrderCommand extends CommandBase {
  type: "order.amend";
  userId: number;
  symbol: string;
  orderId?: number;
  clientOrderId?: string;
  qtyLots?: bigint;
  priceTicks?: bigint;
}

/** Cancels one open order, named by `orderId` or by `clientOrderId`. */
export interface CancelOrderCommand extends CommandBase {
  type: "order.cancel";
  userId: number;
  symbol: string;
  orderId?: number;
  clientOrderId?: string;
}

/**
 * Cancels every open order of a user (untriggered stop orders included) in one market, or with
 * no `symbol` in every market that is not halted (what a gateway's cancel-on-disconnect sends).
 */
export interface CancelAllOrdersCommand extends CommandBase {
  type: "order.cancelAll";
  userId: number;
  symbol?: string;
}

/** Everything the spot module runs. */
export type SpotCommand =
  | AddMarketCommand
  | SetMarketStatusCommand
  | SetFeeTierCommand
  | AssignFeeTierCommand
  | PlaceOrderCommand
  | PlaceStopOrderCommand
  | PlaceOcoOrderCommand
  | AmendOrderCommand
  | CancelOrderCommand
  | CancelAllOrdersCommand;
