import type { Db } from "@exchange/db";
import { expect } from "vitest";
import { eventually } from "./eventually";

/**
 * Waits for the worker's first reconciliation report that covers everything journaled so far,
 * and asserts it found the books balanced: postings summing to zero per asset, each balance
 * equal to its postings and to the engine's own state. The end of every money flow's tests.
 */
export async function expectBooksReconciled(db: Db, timeoutMs = 15_000): Promise<void> {
  const [journal] = await db.$queryRaw<{ seq: bigint | null }[]>`
    SELECT max(seq) AS seq FROM engine_journal`;
  const report = await eventually(async () => {
    const latest = await db.reconciliationReport.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(latest.seq).toBeGreaterThanOrEqual(journal?.seq ?? 0n);
    return latest;
  }, timeoutMs);
  expect(report).toMatchObject({ ok: true, failure: null, differences: [] });
}
