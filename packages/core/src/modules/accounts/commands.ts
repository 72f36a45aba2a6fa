import type { CommandBase } from "../../commands";
import type { AssetConfig, SystemAccount } from "../../types";

/** Commands of the accounts module: assets, and the ledger's balance commands. */

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

/** Everything the accounts module runs. */
export type AccountsCommand = AddAssetCommand | BalanceCommand;
