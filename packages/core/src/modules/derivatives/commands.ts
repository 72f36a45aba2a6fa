import type { CommandBase } from "../../commands";
import type { BusinessKey } from "../accounts/commands";
import type { AddMarketCommand } from "../spot/commands";
import type { MarginMode, PerpetualTerms } from "./perpetual";

/**
 * Commands of the derivatives module (issue 20: USDT-margined perpetual contracts). Each one
 * that moves money is idempotent on its business key (a repeated key returns the first accepted
 * result and changes nothing); a rejection changes nothing. Their codes are 1xx (malformed),
 * 2xx (unknown asset), 600/601 and the 9xx derivatives codes.
 */

/**
 * Moves `amountAtoms` of a settle asset between the user's spot available balance and their
 * futures wallet (business id: the transfer's id). `"toFutures"`: spot available →
 * `futuresMargin`; `"toSpot"`: back, at most what the futures account can spare
 * (`transferableAtoms`). Refused with 600 when either side lacks the amount, 605 when the spot
 * balance would exceed the asset's maximum.
 */
export interface FuturesTransferCommand extends CommandBase, BusinessKey {
  type: "futures.transfer";
  userId: number;
  asset: string;
  amountAtoms: bigint;
  direction: "toFutures" | "toSpot";
}

/** One risk tier of a contract as a command gives it (see `RiskTier` in margin-math.ts). */
export interface RiskTierConfig {
  maxNotionalAtoms: bigint;
  maintenanceMarginPpm: number;
  maxLeverage: number;
}

/**
 * Lists a perpetual contract: a market (`BTCUSDT-PERP`, symbol `<A-Z0-9>-PERP`) whose base is
 * the underlying asset and quote the settle asset, with the market's steps, limits, fees and
 * status as `market.add` takes them, and the perpetual's terms: the maximum leverage, the risk
 * tiers by position notional (maintenance rate and maximum leverage each; the last tier's bound
 * is the largest position), the funding interval, its cap and interest. Its status then changes
 * with `market.setStatus` like any market's. Refused with 205 for bad terms, 203 if it exists.
 */
export interface ContractAddCommand extends Omit<AddMarketCommand, "type">, PerpetualTerms {
  type: "contract.add";
  riskTiers: RiskTierConfig[];
}

/**
 * Sets a user's leverage in a contract (1..its maximum, and the maximum of the tier of the
 * position's notional). Raising it is always allowed; lowering it is refused (904) while the user
 * has open orders in the contract (they reserved margin at the higher leverage), or when the
 * account could not carry the position's larger initial margin. An isolated position keeps the
 * margin it has; the leverage applies to what it opens next.
 */
export interface PositionSetLeverageCommand extends CommandBase {
  type: "position.setLeverage";
  userId: number;
  symbol: string;
  leverage: number;
}

/** Sets a user's margin mode in a contract; only while flat with no open order there (903). */
export interface PositionSetMarginModeCommand extends CommandBase {
  type: "position.setMarginMode";
  userId: number;
  symbol: string;
  mode: MarginMode;
}

/**
 * The contract's mark price (ticks) and the index it was derived from, sampled at `at`
 * (business id `<symbol>:<at>`; refused with 811 when not after the held mark). Positions whose
 * margin the new mark leaves at or below maintenance are liquidated in the same command (see
 * `liquidation.ts`).
 */
export interface MarkSetCommand extends CommandBase, BusinessKey {
  type: "mark.set";
  symbol: string;
  markPriceTicks: bigint;
  indexPriceTicks: bigint;
  at: number;
}

/**
 * Settles funding at `fundingTime` (business id `<symbol>:<fundingTime>`, after the last one
 * settled): every open position pays or receives notional-at-mark × `ratePpm` / 10^6, longs
 * paying shorts when the rate is positive. |rate| ≤ the contract's cap. See `funding.ts`.
 */
export interface FundingSettleCommand extends CommandBase, BusinessKey {
  type: "funding.settle";
  symbol: string;
  fundingTime: number;
  ratePpm: number;
}

/** Everything the derivatives module runs. */
export type DerivativesCommand =
  | FuturesTransferCommand
  | ContractAddCommand
  | PositionSetLeverageCommand
  | PositionSetMarginModeCommand
  | MarkSetCommand
  | FundingSettleCommand;
