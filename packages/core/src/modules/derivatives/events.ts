import type { RiskTierConfig } from "./commands";
import type { MarginMode, PerpetualTerms } from "./perpetual";

/** Events of the derivatives module, besides the `balance.changed` postings of its commands. */

/** What changed a futures wallet or a position. */
export type FuturesCause =
  | "futures.transfer"
  | "trade"
  | "position.setLeverage"
  | "position.setMarginMode"
  | "funding"
  | "liquidation"
  | "deleverage";

/**
 * A user's futures wallet after a command changed it: the wallet balance, in atoms of the
 * settle asset.
 */
export interface FuturesWalletChangedEvent {
  type: "futures.walletChanged";
  userId: number;
  asset: string;
  walletAtoms: bigint;
  cause: FuturesCause;
}

/** A perpetual contract listed (after its `market.added`): its perpetual terms. */
export interface ContractAddedEvent extends PerpetualTerms {
  type: "contract.added";
  symbol: string;
  riskTiers: RiskTierConfig[];
}

/**
 * A position after a command changed it: quantity (signed lots), entry cost (signed atoms),
 * margin mode and leverage, its own margin while isolated, the PnL this change realised, and its
 * liquidation price as the engine indexes it (0 when it has none).
 */
export interface PositionChangedEvent {
  type: "position.changed";
  userId: number;
  symbol: string;
  qtyLots: bigint;
  costAtoms: bigint;
  mode: MarginMode;
  leverage: number;
  isolatedMarginAtoms: bigint;
  realisedPnlAtoms: bigint;
  liquidationPriceTicks: bigint;
  cause: FuturesCause;
}

/** A new mark price of a contract, with the index it came from. */
export interface MarkChangedEvent {
  type: "mark.changed";
  symbol: string;
  markPriceTicks: bigint;
  indexPriceTicks: bigint;
  at: number;
}

/**
 * Funding settled: the rate, the mark it was applied at, what the payers paid and the receivers
 * received in total, and the rounding remainder (paid − received, to the `rounding` account).
 */
export interface FundingSettledEvent {
  type: "funding.settled";
  symbol: string;
  fundingTime: number;
  ratePpm: number;
  markPriceTicks: bigint;
  paidAtoms: bigint;
  receivedAtoms: bigint;
  roundingAtoms: bigint;
  positions: number;
}

/**
 * A position liquidated: the quantity taken over, at which mark, its bankruptcy price, what the
 * book closed and what auto-deleveraging closed, and the insurance fund's share: positive when
 * the margin left went to the fund, negative when the fund covered a loss beyond the margin.
 */
export interface PositionLiquidatedEvent {
  type: "position.liquidated";
  userId: number;
  symbol: string;
  qtyLots: bigint;
  markPriceTicks: bigint;
  bankruptcyPriceTicks: bigint;
  bookLots: bigint;
  deleveragedLots: bigint;
  insuranceAtoms: bigint;
}

/** What one position paid (> 0) or received (< 0) at a funding time. */
export interface PositionFundedEvent {
  type: "position.funded";
  userId: number;
  symbol: string;
  fundingTime: number;
  paidAtoms: bigint;
}

/** A profitable opposite position reduced by auto-deleveraging, at the bankruptcy price. */
export interface PositionDeleveragedEvent {
  type: "position.deleveraged";
  userId: number;
  symbol: string;
  qtyLots: bigint;
  priceTicks: bigint;
  liquidatedUserId: number;
}

/** Everything the derivatives module emits of its own. */
export type DerivativesEvent =
  | FuturesWalletChangedEvent
  | ContractAddedEvent
  | PositionChangedEvent
  | MarkChangedEvent
  | FundingSettledEvent
  | PositionFundedEvent
  | PositionLiquidatedEvent
  | PositionDeleveragedEvent;
