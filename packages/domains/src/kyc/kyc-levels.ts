import { AppError, AppErrorCode } from "../errors";
import type { Store } from "../services";
import { findTradingStanding, findUserKycLevel, levelAllowsDeposit } from "./kyc-repository";

/**
 * Refuses a user who may not place orders: an account compliance froze for trading (or that is
 * not active) gets TRADING_FROZEN, which every transport names as such (the gateway's -2010
 * "This action is disabled on this account."); a KYC level without `can_trade` gets
 * KYC_REQUIRED. The `kyc_level_limits` row of the user's level decides the latter, so operators
 * change what a level allows without a deploy; a level with no row may do nothing.
 */
export async function assertCanTrade(db: Store, userId: number): Promise<void> {
  const standing = await findTradingStanding(db, userId);
  if (standing.tradingFrozen || !standing.active) {
    throw new AppError(
      AppErrorCode.TRADING_FROZEN,
      "Trading is restricted on this account. Please contact support.",
    );
  }
  if (standing.levelAllowsTrading) return;
  throw new AppError(
    AppErrorCode.KYC_REQUIRED,
    "Verify your identity to start trading. It takes a few minutes.",
  );
}

/**
 * How long a process trusts that a user may trade. Only "may" is remembered, so an approval
 * takes effect on the next order. A freeze must reach every process within a second: it is
 * announced (identity/standing-changes.ts) and each process that follows the announcements
 * forgets the user at once; this bound holds even where a message was missed. At most two reads
 * a second per trading user, however many orders.
 */
export const TRADING_PERMISSION_TTL_MS = 500;

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

/** Forgets that a user may trade (a restriction announced): the next order reads it again. */
export function forgetTradingPermission(db: Store, userId: number): void {
  tradingPermissions.get(db)?.delete(userId);
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
