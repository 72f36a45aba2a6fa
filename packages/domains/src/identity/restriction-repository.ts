import type { Store, Tx } from "../services";

/**
 * The `user_restrictions` table: the only code that touches it. A row is a restriction in force;
 * its history is the audit log's.
 */

export type StoredRestrictionKind = "TRADING" | "WITHDRAWALS";

export interface RestrictionRow {
  kind: StoredRestrictionKind;
  reason: string;
  staffId: number;
  createdAt: Date;
}

const ROW_SELECT = { kind: true, reason: true, staffId: true, createdAt: true } as const;

export function findRestrictions(db: Store, userId: number): Promise<RestrictionRow[]> {
  return db.userRestriction.findMany({
    where: { userId },
    orderBy: { kind: "asc" },
    select: ROW_SELECT,
  });
}

/** Whether the user's withdrawals are frozen (one primary-key lookup). */
export async function withdrawalsFrozen(db: Store, userId: number): Promise<boolean> {
  const row = await db.userRestriction.findUnique({
    where: { userId_kind: { userId, kind: "WITHDRAWALS" } },
    select: { kind: true },
  });
  return row !== null;
}

/** Of these users, those whose withdrawals are frozen (one query for a page of withdrawals). */
export async function usersWithWithdrawalsFrozen(
  db: Store,
  userIds: readonly number[],
): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.userRestriction.findMany({
    where: { userId: { in: [...new Set(userIds)] }, kind: "WITHDRAWALS" },
    select: { userId: true },
  });
  return new Set(rows.map((row) => row.userId));
}

/** Puts the restriction in force; false when it already was (the row is left as it is). */
export async function insertRestriction(
  tx: Tx,
  row: { userId: number; kind: StoredRestrictionKind; reason: string; staffId: number; at: Date },
): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO user_restrictions (user_id, kind, reason, staff_id, created_at)
    VALUES (${row.userId}, ${row.kind}::"UserRestrictionKind", ${row.reason}, ${row.staffId}, ${row.at})
    ON CONFLICT (user_id, kind) DO NOTHING`;
  return inserted === 1;
}

/** Lifts the restriction; the row as it was, or null when it was not in force. */
export async function deleteRestriction(
  tx: Tx,
  userId: number,
  kind: StoredRestrictionKind,
): Promise<RestrictionRow | null> {
  const row = await tx.userRestriction.findUnique({
    where: { userId_kind: { userId, kind } },
    select: ROW_SELECT,
  });
  if (!row) return null;
  await tx.userRestriction.delete({ where: { userId_kind: { userId, kind } } });
  return row;
}
