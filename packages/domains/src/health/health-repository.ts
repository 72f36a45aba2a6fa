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
