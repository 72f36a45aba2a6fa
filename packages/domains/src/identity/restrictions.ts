import { clockDate } from "@exchange/protocol";
import { findUserAuditRows, recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services, type Store } from "../services";
import type { RestrictionChangeInput, UserRestrictions } from "./restriction-contracts";
import {
  deleteRestriction,
  findRestrictions,
  insertRestriction,
  type StoredRestrictionKind,
  withdrawalsFrozen,
} from "./restriction-repository";
import { flagsOf, type RestrictedAction, restrictionsInForce } from "./restriction-rules";
import { announceStandingChanged, reinstateUser, suspendUser } from "./suspension";
import { findUserStatus } from "./user-repository";

/** Whether withdrawals are frozen, for one user or a page of them (finance's queue and detail). */
export { usersWithWithdrawalsFrozen, withdrawalsFrozen } from "./restriction-repository";

/**
 * Compliance's restrictions of a user: trading frozen, withdrawals frozen, log-in suspended.
 * Each is set and lifted on its own, by compliance or an administrator, with a reason; each
 * change is audited with the state before and after and the staff member's address, and
 * announced so that every process stops (or resumes) the user within a second:
 * - trading: the order path's remembered permission (kyc/kyc-levels.ts) is forgotten at once
 *   where announcements are followed, and is never trusted longer than half a second anyway;
 * - withdrawals: read on each request and each approval (not a hot path);
 * - log-in: suspension.ts (sessions revoked, sockets closed, API keys forgotten).
 */

export interface StaffRestrictionChange extends RestrictionChangeInput {
  staffId: number;
  ip: string | undefined;
  userAgent?: string | undefined;
}

/** Puts a restriction in force; one already in force is left as it is (and its reason). */
export async function setRestriction(
  services: Services,
  change: StaffRestrictionChange,
): Promise<UserRestrictions> {
  if (change.kind === "LOGIN") {
    await suspendUser(services, change);
    return findUserRestrictions(services, change.userId);
  }
  const kind = change.kind;
  await inTransaction(services.db, async (tx) => {
    await assertUserExists(tx, change.userId);
    const at = clockDate(services.clock);
    const row = { userId: change.userId, kind, reason: change.reason, staffId: change.staffId, at };
    if (!(await insertRestriction(tx, row))) return;
    await recordAudit(tx, restrictionAudit(change, "user.restricted", kind, true));
  });
  await announceStandingChanged(services, change.userId);
  return findUserRestrictions(services, change.userId);
}

/** Lifts a restriction; lifting one not in force changes nothing. */
export async function liftRestriction(
  services: Services,
  change: StaffRestrictionChange,
): Promise<UserRestrictions> {
  if (change.kind === "LOGIN") {
    await reinstateUser(services, change);
    return findUserRestrictions(services, change.userId);
  }
  const kind = change.kind;
  await inTransaction(services.db, async (tx) => {
    await assertUserExists(tx, change.userId);
    if (!(await deleteRestriction(tx, change.userId, kind))) return;
    await recordAudit(tx, restrictionAudit(change, "user.restriction_lifted", kind, false));
  });
  await announceStandingChanged(services, change.userId);
  return findUserRestrictions(services, change.userId);
}

/** The restrictions in force, with their reasons and since when (the suspension's from the log). */
export async function findUserRestrictions(
  services: Pick<Services, "db">,
  userId: number,
): Promise<UserRestrictions> {
  const [user, rows, suspensions] = await Promise.all([
    findUserStatus(services.db, userId),
    findRestrictions(services.db, userId),
    findUserAuditRows(services.db, { userId, actions: ["user.suspended"], limit: 1 }),
  ]);
  if (!user) throw new AppError(AppErrorCode.NOT_FOUND, "No such user.");
  const restrictions: UserRestrictions["restrictions"] = rows.map((row) => ({
    kind: row.kind,
    reason: row.reason,
    since: row.createdAt,
  }));
  if (user.status === "SUSPENDED") {
    const entry = suspensions[0];
    const reason = entry ? reasonOf(entry.after) : null;
    restrictions.push({ kind: "LOGIN", reason, since: entry?.createdAt ?? null });
  }
  return { userId, restrictions };
}

/** What the trader's pages show: which of their actions are restricted (no reasons). */
export async function ownRestrictions(services: Pick<Services, "db">, userId: number) {
  const [user, rows] = await Promise.all([
    findUserStatus(services.db, userId),
    findRestrictions(services.db, userId),
  ]);
  const flags = flagsOf(
    restrictionsInForce(
      rows.map((row) => row.kind),
      user?.status ?? "ACTIVE",
    ),
  );
  return { tradingFrozen: flags.tradingFrozen, withdrawalsFrozen: flags.withdrawalsFrozen };
}

/**
 * Refuses a withdrawal request, or finance's approval of one, while the owner's withdrawals are
 * frozen. Read fresh each time: neither is on a hot path, and a freeze counts at once.
 */
export async function assertWithdrawalsAllowed(
  db: Store,
  userId: number,
  action: Extract<RestrictedAction, "requestWithdrawal" | "approveWithdrawal">,
): Promise<void> {
  if (!(await withdrawalsFrozen(db, userId))) return;
  const message =
    action === "requestWithdrawal"
      ? "Withdrawals are restricted on this account. Please contact support."
      : "Compliance has frozen this user's withdrawals: it cannot be approved until they lift it.";
  throw new AppError(AppErrorCode.WITHDRAWALS_FROZEN, message);
}

async function assertUserExists(db: Store, userId: number): Promise<void> {
  if (!(await findUserStatus(db, userId)))
    throw new AppError(AppErrorCode.NOT_FOUND, "No such user.");
}

function restrictionAudit(
  change: StaffRestrictionChange,
  action: "user.restricted" | "user.restriction_lifted",
  kind: StoredRestrictionKind,
  inForceAfter: boolean,
) {
  return {
    actor: { kind: "staff" as const, staffId: change.staffId },
    action,
    target: { type: "user", id: String(change.userId) },
    before: { restriction: kind, inForce: !inForceAfter },
    after: { restriction: kind, inForce: inForceAfter, reason: change.reason },
    ip: change.ip,
    userAgent: change.userAgent,
  };
}

function reasonOf(after: unknown): string | null {
  if (after && typeof after === "object" && "reason" in after) {
    const reason = (after as { reason: unknown }).reason;
    return typeof reason === "string" ? reason : null;
  }
  return null;
}
