import type { CommandBase } from "../../commands";
import type {
  FeeTierConfig,
  MarketConfig,
  MarketStatus,
  SelfTradePrevention,
  Side,
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

export type PlaceOrderCommand = PlaceLimitOrderCommand | PlaceMarketOrderCommand;

/** Cancels one open order, named by `orderId` or by `clientOrderId`. */
export interface CancelOrderCommand extends CommandBase {
  type: "order.cancel";
  userId: number;
  symbol: string;
  orderId?: number;
  clientOrderId?: string;
}

/** Cancels every open order of a user in one market. */
export interface CancelAllOrdersCommand extends CommandBase {
  type: "order.cancelAll";
  userId: number;
  symbol: string;
}

/** Everything the spot module runs. */
export type SpotCommand =
  | AddMarketCommand
  | SetMarketStatusCommand
  | SetFeeTierCommand
  | AssignFeeTierCommand
  | PlaceOrderCommand
  | CancelOrderCommand
  | CancelAllOrdersCommand;
