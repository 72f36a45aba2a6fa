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

/**
 * How long a process trusts that a user may trade. Only "may" is remembered: an approval takes
 * effect on the next order, while a level's `can_trade` turned off by operators reaches a user
 * who could trade within this time (levels only rise in the product; no code lowers one).
 */
export const TRADING_PERMISSION_TTL_MS = 5_000;

/** Users who may trade, with when that was read, per database handle (per process). */
const tradingPermissions = new WeakMap<Store, Map<number, number>>();

/** Users remembered at most per process; the oldest read is forgotten first. */
const MAX_REMEMBERED = 50_000;

/**
 * `assertCanTrade` for the order path, which asks for every order: a user allowed within the
 * last `TRADING_PERMISSION_TTL_MS` (on the services' clock) is not read again.
 */
export async function assertCanTradeRemembered(
  services: { db: Store; clock: { now(): number } },
  userId: number,
): Promise<void> {
  let allowed = tradingPermissions.get(services.db);
  if (!allowed) {
    allowed = new Map();
    tradingPermissions.set(services.db, allowed);
  }
  const now = services.clock.now();
  const readAt = allowed.get(userId);
  if (readAt !== undefined && now >= readAt && now - readAt < TRADING_PERMISSION_TTL_MS) return;
  await assertCanTrade(services.db, userId);
  allowed.delete(userId);
  allowed.set(userId, now);
  if (allowed.size > MAX_REMEMBERED) {
    const oldest = allowed.keys().next().value;
    if (oldest !== undefined) allowed.delete(oldest);
  }
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
