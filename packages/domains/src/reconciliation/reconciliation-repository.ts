import type { Store } from "../services";

/**
 * Reconciliation's repository: the only code that reads `reconciliation_reports`, which the
 * worker's reconciliation consumer writes. The totals and differences are stored as JSON of
 * atom strings; reconciliation-reports.ts checks their shape and turns atoms into units.
 */
export interface StoredReconciliationReport {
  id: number;
  seq: bigint;
  engineSeq: bigint | null;
  ok: boolean;
  failure: string | null;
  startedAt: Date;
  finishedAt: Date;
  /** JSON as stored: checked by the caller. */
  assetTotals: unknown;
  differences: unknown;
  /** JSON as stored, null without a chain: checked by the caller. */
  chainHoldings: unknown;
  chainShortfall: boolean;
}

/** The newest `limit` reports, newest first. */
export function findReconciliationReports(
  db: Store,
  limit: number,
): Promise<StoredReconciliationReport[]> {
  return db.reconciliationReport.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      seq: true,
      engineSeq: true,
      ok: true,
      failure: true,
      startedAt: true,
      finishedAt: true,
      assetTotals: true,
      differences: true,
      chainHoldings: true,
      chainShortfall: true,
    },
  });
}
