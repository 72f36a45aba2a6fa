import type { WithdrawalStatus } from "@exchange/contracts/wallet";
import type { Db } from "@exchange/db";
import { isUniqueViolation, type Store } from "../services";
import {
  toWithdrawalRecord,
  WITHDRAWAL_SELECT,
  type WithdrawalRecord,
} from "./withdrawal-repository";

/**
 * The `withdrawals` table as a request, the engine's follow-up and the lists use it (the state
 * moves themselves are `moveWithdrawal`'s, in withdrawal-repository.ts).
 */

export interface NewWithdrawal {
  id: string;
  userId: number;
  chainKey: string;
  assetCode: string;
  toAddress: string;
  amountAtoms: bigint;
  feeAtoms: bigint;
  requestKey: string;
  requiredApprovals: number;
  riskFlags: string[];
  createdAt: Date;
}

/** The advisory-lock space of a user's withdrawal requests (the second key is the user id). */
const REQUEST_LOCK_SPACE = 13_001;

/**
 * Runs `work` while holding the user's withdrawal-request lock (a transaction-scoped PostgreSQL
 * advisory lock), so a user's requests are checked against the 24-hour limit and recorded one
 * at a time: two racing requests that each fit the limit cannot both pass it. `work` uses its
 * own connections; its writes commit before the lock is released, so the next request sees them.
 */
export function withWithdrawalRequestLock<T>(
  db: Db,
  userId: number,
  work: () => Promise<T>,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REQUEST_LOCK_SPACE}::int, ${userId}::int)`;
      return work();
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}

/**
 * Inserts the REQUESTED row, or answers the row the same request already made (a double-clicked
 * submit carries the same `requestKey`): `{ created: false }` then.
 */
export async function insertRequestedWithdrawal(
  db: Store,
  input: NewWithdrawal,
): Promise<{ created: boolean; record: WithdrawalRecord }> {
  try {
    const row = await db.withdrawal.create({
      data: {
        ...input,
        amountAtoms: input.amountAtoms.toString(),
        feeAtoms: input.feeAtoms.toString(),
        status: "REQUESTED",
      },
      select: WITHDRAWAL_SELECT,
    });
    return { created: true, record: toWithdrawalRecord(row) };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await findWithdrawalByRequestKey(db, input.userId, input.requestKey);
    if (!existing) throw error;
    return { created: false, record: existing };
  }
}

export async function findWithdrawalByRequestKey(
  db: Store,
  userId: number,
  requestKey: string,
): Promise<WithdrawalRecord | undefined> {
  const row = await db.withdrawal.findUnique({
    where: { userId_requestKey: { userId, requestKey } },
    select: WITHDRAWAL_SELECT,
  });
  return row ? toWithdrawalRecord(row) : undefined;
}

/** Deletes a request the engine refused to freeze; only while it is still REQUESTED. */
export async function deleteRequestedWithdrawal(db: Store, id: string): Promise<void> {
  await db.withdrawal.deleteMany({ where: { id, status: "REQUESTED" } });
}

/**
 * Records that the engine applied the end state's command; true for the one caller that
 * recorded it first (who then tells the user), false when it was already recorded.
 */
export async function claimWithdrawalEngineDone(db: Store, id: string, at: Date): Promise<boolean> {
  const { count } = await db.withdrawal.updateMany({
    where: { id, engineDoneAt: null },
    data: { engineDoneAt: at },
  });
  return count === 1;
}

/** REQUESTED rows older than `before`: a request interrupted between its insert and its freeze. */
export async function findStaleRequestedWithdrawals(
  db: Store,
  before: Date,
): Promise<WithdrawalRecord[]> {
  const rows = await db.withdrawal.findMany({
    where: { status: "REQUESTED", createdAt: { lt: before } },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: WITHDRAWAL_SELECT,
  });
  return rows.map(toWithdrawalRecord);
}

/** Statuses whose amount counts against limits: everything but what returned the funds. */
export const COUNTED_STATUSES: readonly WithdrawalStatus[] = [
  "REQUESTED",
  "PENDING_APPROVAL",
  "APPROVED",
  "BROADCAST",
  "CONFIRMED",
];

/** The user's withdrawals since `since` that still count (not rejected, cancelled or failed). */
export async function findCountedWithdrawalsSince(
  db: Store,
  userId: number,
  since: Date,
): Promise<{ assetCode: string; amountAtoms: bigint; createdAt: Date }[]> {
  const rows = await db.withdrawal.findMany({
    where: { userId, createdAt: { gte: since }, status: { in: [...COUNTED_STATUSES] } },
    select: { assetCode: true, amountAtoms: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, amountAtoms: BigInt(r.amountAtoms.toFixed()) }));
}

/**
 * Whether the user has withdrawn to this address before: an earlier withdrawal that finance
 * let through or that is on its way (a rejected, cancelled or failed one does not count).
 */
export async function hasWithdrawnTo(
  db: Store,
  userId: number,
  chainKey: string,
  address: string,
): Promise<boolean> {
  const row = await db.withdrawal.findFirst({
    where: {
      userId,
      chainKey,
      toAddress: address,
      status: { in: ["APPROVED", "BROADCAST", "CONFIRMED"] },
    },
    select: { id: true },
  });
  return row !== null;
}

/** The user's withdrawals, newest first. */
export async function findUserWithdrawals(
  db: Store,
  userId: number,
  options: { limit: number; assetCode?: string | undefined },
): Promise<WithdrawalRecord[]> {
  const rows = await db.withdrawal.findMany({
    where: {
      userId,
      status: { not: "REQUESTED" },
      ...(options.assetCode ? { assetCode: options.assetCode } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: options.limit,
    select: WITHDRAWAL_SELECT,
  });
  return rows.map(toWithdrawalRecord);
}
