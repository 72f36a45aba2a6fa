import type { Db } from "@exchange/db";
import { AppError, AppErrorCode } from "../errors";

/**
 * Refuses a user whose KYC level may not trade. The `kyc_level_limits` row of the user's level
 * decides, so operators change what a level allows without a deploy; a level with no row may do
 * nothing. One indexed join per order, read fresh so an approval takes effect at once.
 */
export async function assertCanTrade(db: Db, userId: number): Promise<void> {
  const rows = await db.$queryRaw<Array<{ can_trade: boolean | null }>>`
    SELECT l.can_trade
      FROM users u LEFT JOIN kyc_level_limits l ON l.level = u.kyc_level
     WHERE u.id = ${userId}`;
  if (rows[0]?.can_trade === true) return;
  throw new AppError(
    AppErrorCode.KYC_REQUIRED,
    "Verify your identity to start trading. It takes a few minutes.",
  );
}
