import { storedUnits } from "@exchange/contracts/money";
import type { WithdrawalStatus } from "@exchange/contracts/wallet";
import { isUniqueViolation, type Store, type Tx } from "../services";
import {
  toWithdrawalRecord,
  WITHDRAWAL_SELECT,
  type WithdrawalRecord,
} from "./withdrawal-repository";

/**
 * Finance's side of the `withdrawals` table: decisions (`withdrawal_approvals`, one per staff
 * member and withdrawal), the queue and what the detail page shows about the user.
 */

export interface WithdrawalDecisionRow {
  staffId: number;
  staffName: string;
  decision: "APPROVE" | "REJECT";
  reason: string | null;
  createdAt: Date;
}

/** Locks the withdrawal's row for the rest of the transaction: decisions on it take turns. */
export async function lockWithdrawal(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM withdrawals WHERE id = ${id}::uuid FOR UPDATE`;
}

/** Records a staff member's decision; false when this person already decided on it. */
export async function insertDecision(
  db: Store,
  row: { withdrawalId: string; staffId: number; decision: "APPROVE" | "REJECT"; reason?: string },
): Promise<boolean> {
  try {
    await db.withdrawalApproval.create({ data: { ...row, reason: row.reason ?? null } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function findDecisions(
  db: Store,
  withdrawalId: string,
): Promise<WithdrawalDecisionRow[]> {
  const rows = await db.withdrawalApproval.findMany({
    where: { withdrawalId },
    orderBy: { createdAt: "asc" },
    select: { staffId: true, decision: true, reason: true, createdAt: true },
  });
  const staff = await db.staff.findMany({
    where: { id: { in: rows.map((r) => r.staffId) } },
    select: { id: true, name: true },
  });
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return rows.map((r) => ({ ...r, staffName: names.get(r.staffId) ?? `#${r.staffId}` }));
}

export interface WithdrawalQueueFilter {
  statuses: readonly WithdrawalStatus[];
  assetCode?: string | undefined;
  /** Per asset: atoms bounds of the amount (each asset has its precision). */
  amountBounds?: { assetCode: string; minAtoms?: bigint; maxAtoms?: bigint }[] | undefined;
  createdBefore?: Date | undefined;
  page: number;
  pageSize: number;
}

export interface WithdrawalQueueRow extends WithdrawalRecord {
  email: string;
  approvals: number;
}

/** A page of the finance queue, oldest first (the longest wait is the most urgent). */
export async function findWithdrawalQueuePage(
  db: Store,
  filter: WithdrawalQueueFilter,
): Promise<{ rows: WithdrawalQueueRow[]; total: number }> {
  const where = {
    status: { in: [...filter.statuses] },
    ...(filter.assetCode ? { assetCode: filter.assetCode } : {}),
    ...(filter.createdBefore ? { createdAt: { lt: filter.createdBefore } } : {}),
    ...(filter.amountBounds
      ? {
          OR: filter.amountBounds.map((b) => ({
            assetCode: b.assetCode,
            amountAtoms: {
              ...(b.minAtoms === undefined ? {} : { gte: b.minAtoms.toString() }),
              ...(b.maxAtoms === undefined ? {} : { lte: b.maxAtoms.toString() }),
            },
          })),
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.withdrawal.findMany({
      where,
      orderBy: { createdAt: "asc" },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: {
        ...WITHDRAWAL_SELECT,
        approvals: { where: { decision: "APPROVE" }, select: { staffId: true } },
      },
    }),
    db.withdrawal.count({ where }),
  ]);
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.userId))] } },
    select: { id: true, email: true },
  });
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return {
    rows: rows.map(({ approvals, ...row }) => ({
      ...toWithdrawalRecord(row),
      email: emails.get(row.userId) ?? "",
      approvals: approvals.length,
    })),
    total,
  };
}

/** How many withdrawals wait for finance (the dashboard's count). */
export function countPendingApproval(db: Store): Promise<number> {
  return db.withdrawal.count({ where: { status: "PENDING_APPROVAL" } });
}

export interface LedgerPostingRow {
  /** `seq:event:posting`: where the posting sits in the journal. */
  id: string;
  account: string;
  amountAtoms: bigint;
  balanceAtoms: bigint;
  cause: string;
  business: string;
  businessId: string;
  postedAt: Date;
}

/** The user's latest ledger postings of one asset, newest first. */
export async function findRecentPostings(
  db: Store,
  userId: number,
  asset: string,
  limit: number,
): Promise<LedgerPostingRow[]> {
  const rows = await db.ledgerPosting.findMany({
    where: { userId, asset },
    orderBy: [{ seq: "desc" }, { eventIndex: "desc" }, { postingIndex: "desc" }],
    take: limit,
    select: {
      seq: true,
      eventIndex: true,
      postingIndex: true,
      account: true,
      amountAtoms: true,
      balanceAtoms: true,
      cause: true,
      business: true,
      businessId: true,
      postedAt: true,
    },
  });
  return rows.map(({ seq, eventIndex, postingIndex, ...r }) => ({
    ...r,
    id: `${seq}:${eventIndex}:${postingIndex}`,
    amountAtoms: storedUnits(r.amountAtoms),
    balanceAtoms: storedUnits(r.balanceAtoms),
  }));
}

/** The user's withdrawals other than `exceptId`, newest first. */
export async function findOtherWithdrawals(
  db: Store,
  userId: number,
  exceptId: string,
  limit: number,
): Promise<WithdrawalRecord[]> {
  const rows = await db.withdrawal.findMany({
    where: { userId, id: { not: exceptId }, status: { not: "REQUESTED" } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: WITHDRAWAL_SELECT,
  });
  return rows.map(toWithdrawalRecord);
}
