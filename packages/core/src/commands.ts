import type {
  AssetConfig,
  FeeTierConfig,
  MarketConfig,
  MarketStatus,
  SelfTradePrevention,
  Side,
  SystemAccount,
  TimeInForce,
} from "./types";

/**
 * Every command carries its own identity and time: the core never reads a clock, so the same
 * command log always yields the same events and state.
 */
export interface CommandBase {
  /** Unique command id, chosen by the sender; echoed in the result. */
  id: string;
  /** Sender's time in epoch milliseconds; stamped on orders and trades. */
  ts: number;
}

/**
 * Balance commands are idempotent on `business` + `businessId` (ViaBTC's `balance.update`):
 * a repeated key returns the first accepted result, flagged `repeated`, and changes nothing.
 */
export interface BusinessKey {
  /** What kind of business moved the money, e.g. "deposit", "savings.payout". */
  business: string;
  /** The id of that business's record, e.g. a chain transaction output or a payout plan row. */
  businessId: string;
}

/** Adds an asset; an omitted maximum is the ceiling (`LEGACY_LIMITS`, for old journals). */
export interface AddAssetCommand
  extends CommandBase,
    Omit<AssetConfig, "maxAmountAtoms">,
    Partial<Pick<AssetConfig, "maxAmountAtoms">> {
  type: "asset.add";
}

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
 * (quote amount to spend, buys only). `priceLimitTicks` is a protection price: no fill above it
 * for a buy or below it for a sell. A buy by base quantity must give one, because it sets what is
 * frozen: `qtyLots × priceLimitTicks` worth of quote, the unused part released at once.
 */
export interface PlaceMarketOrderCommand extends PlaceOrderBase {
  orderType: "market";
  qtyLots?: bigint;
  quoteAtoms?: bigint;
  priceLimitTicks?: bigint;
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

/** Credits a confirmed deposit: deposit clearing → user available. */
export interface DepositCommand extends CommandBase, BusinessKey {
  type: "balance.deposit";
  userId: number;
  asset: string;
  amountAtoms: bigint;
}

/** Freezes a requested withdrawal: user available → user frozen, until settled or released. */
export interface WithdrawFreezeCommand extends CommandBase, BusinessKey {
  type: "balance.withdrawFreeze";
  withdrawalId: string;
  userId: number;
  asset: string;
  amountAtoms: bigint;
}

/**
 * Settles a frozen withdrawal once it is broadcast: user frozen → withdrawal clearing, less
 * `feeAtoms` (the withdrawal fee, default 0) which goes to fee income.
 */
export interface WithdrawSettleCommand extends CommandBase, BusinessKey {
  type: "balance.withdrawSettle";
  withdrawalId: string;
  feeAtoms?: bigint;
}

/** Releases a frozen withdrawal that was rejected or failed: user frozen → user available. */
export interface WithdrawReleaseCommand extends CommandBase, BusinessKey {
  type: "balance.withdrawRelease";
  withdrawalId: string;
}

/** One side of a transfer: a user's available balance or a system account open to transfers. */
export type TransferAccount = { userId: number } | { system: SystemAccount };

/** Moves funds between two accounts: user ↔ user, user ↔ system, system ↔ system. */
export interface TransferCommand extends CommandBase, BusinessKey {
  type: "balance.transfer";
  asset: string;
  amountAtoms: bigint;
  from: TransferAccount;
  to: TransferAccount;
}

/** Admin correction of a user's available balance, signed, against the adjustment account. */
export interface AdjustBalanceCommand extends CommandBase, BusinessKey {
  type: "balance.adjust";
  userId: number;
  asset: string;
  amountAtoms: bigint;
}

export type BalanceCommand =
  | DepositCommand
  | WithdrawFreezeCommand
  | WithdrawSettleCommand
  | WithdrawReleaseCommand
  | TransferCommand
  | AdjustBalanceCommand;

/** Everything `ExchangeCore.apply` accepts, discriminated by `type`. */
export type Command =
  | AddAssetCommand
  | AddMarketCommand
  | SetMarketStatusCommand
  | SetFeeTierCommand
  | AssignFeeTierCommand
  | PlaceOrderCommand
  | CancelOrderCommand
  | CancelAllOrdersCommand
  | BalanceCommand;

export type CommandType = Command["type"];
