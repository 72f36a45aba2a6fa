import type { Store } from "../services";

/**
 * What health reads of the database: the engine journal's head. The query doubles as the
 * database probe, so it must touch a real table, and it reads only the primary key's maximum.
 */

/** The highest journal seq (0 when the journal is empty). */
export async function findJournalHead(db: Store): Promise<number> {
  const rows = await db.$queryRaw<Array<{ seq: string }>>`
    SELECT coalesce(max(seq), 0)::text AS seq FROM engine_journal`;
  return Number(rows[0]?.seq ?? 0);
}

/** One `SELECT 1`: the round trip to the database, for the network figure. */
export async function selectOne(db: Store): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

/**
 * Orders the engine accepted since `since` (their command's time). The BRIN index on
 * `orders.created_at` keeps this a scan of the newest block ranges, whatever the table's size.
 */
export async function countOrdersSince(db: Store, since: Date): Promise<number> {
  const rows = await db.$queryRaw<Array<{ n: string }>>`
    SELECT count(*)::text AS n FROM orders WHERE created_at >= ${since}`;
  return Number(rows[0]?.n ?? 0);
}

/** Deposits seen since `since` that were decided: credited, and failed (dropped or refused). */
export async function countDecidedDepositsSince(
  db: Store,
  since: Date,
): Promise<{ credited: number; failed: number }> {
  const rows = await db.deposit.groupBy({
    by: ["status"],
    where: { createdAt: { gte: since }, status: { in: ["CREDITED", "DROPPED", "REJECTED"] } },
    _count: { _all: true },
  });
  const countOf = (status: string) => rows.find((r) => r.status === status)?._count._all ?? 0;
  return { credited: countOf("CREDITED"), failed: countOf("DROPPED") + countOf("REJECTED") };
}

/** Withdrawals looked at for their processing time at most: the newest. */
const WITHDRAWAL_DURATIONS_MAX = 10_000;

/** How long each withdrawal requested since `since` and confirmed took, request to end, in ms. */
export async function findWithdrawalDurationsMs(db: Store, since: Date): Promise<number[]> {
  const rows = await db.$queryRaw<Array<{ ms: number }>>`
    SELECT (extract(epoch FROM (ended_at - created_at)) * 1000)::float8 AS ms
    FROM withdrawals
    WHERE status = 'CONFIRMED' AND created_at >= ${since} AND ended_at IS NOT NULL
    ORDER BY created_at DESC
    LIMIT ${WITHDRAWAL_DURATIONS_MAX}`;
  return rows.map((r) => Number(r.ms));
}

/** Withdrawals not at an end state yet that were requested before `before`. */
export function countWithdrawalsInFlightSince(db: Store, before: Date): Promise<number> {
  return db.withdrawal.count({
    where: {
      status: { in: ["REQUESTED", "PENDING_APPROVAL", "APPROVED", "BROADCAST"] },
      createdAt: { lt: before },
    },
  });
}
