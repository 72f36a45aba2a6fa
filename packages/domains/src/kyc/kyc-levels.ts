import { AppError, AppErrorCode } from "../errors";
import type { Store } from "../services";
import { findUserKycLevel, levelAllowsDeposit, levelAllowsTrading } from "./kyc-repository";

/**
 * Refuses a user whose KYC level may not trade. The `kyc_level_limits` row of the user's level
 * decides, so operators change what a level allows without a deploy; a level with no row may do
 * nothing. One indexed join per order, read fresh so an approval takes effect at once.
 */
export async function assertCanTrade(db: Store, userId: number): Promise<void> {
  if (await levelAllowsTrading(db, userId)) return;
  throw new AppError(
    AppErrorCode.KYC_REQUIRED,
    "Verify your identity to start trading. It takes a few minutes.",
  );
}

/** Refuses a user whose KYC level may not deposit (the level's `can_deposit`). */
export async function assertCanDeposit(db: Store, userId: number): Promise<void> {
  if (await levelAllowsDeposit(db, userId)) return;
  throw new AppError(
    AppErrorCode.KYC_REQUIRED,
    "Verify your identity to deposit. It takes a few minutes.",
  );
}

/**
 * Refuses a user below the KYC level a product asks for (a savings product's `kyc_level`);
 * `what` names the product in the message.
 */
export async function assertKycLevel(
  db: Store,
  userId: number,
  required: number,
  what: string,
): Promise<void> {
  if (((await findUserKycLevel(db, userId)) ?? -1) >= required) return;
  throw new AppError(
    AppErrorCode.KYC_REQUIRED,
    `${what} needs identity verification (KYC level ${required}). Verify your identity first.`,
  );
}
