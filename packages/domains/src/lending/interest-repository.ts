import type { Store } from "../services";
import type { AccruingLoan } from "./interest";

/**
 * The open loans the interest job accrues, with their product version's period and rate and how
 * many accruals the loans read model already shows (a lagging projection only makes the job
 * resend periods the engine answers from its journal).
 */
export async function findAccruingLoans(db: Store): Promise<AccruingLoan[]> {
  const rows = await db.$queryRaw<
    Array<{
      id: string;
      principal: string;
      rate: string;
      period: "HOUR" | "DAY";
      opened_at: Date;
      matures_at: Date | null;
      accrued: number;
    }>
  >`
    SELECT l.id::text AS id, l.principal_atoms::text AS principal, v.rate_ppm::text AS rate,
           v.interest_period::text AS period, l.opened_at, l.matures_at,
           (SELECT count(*)::int FROM loan_events e
             WHERE e.loan_id = l.id AND e.kind = 'ACCRUED') AS accrued
      FROM loans l
      JOIN loan_product_versions v ON v.id = l.product_version_id
     WHERE l.status = 'OPEN'
     ORDER BY l.opened_at, l.id`;
  return rows.map((row) => ({
    loanId: row.id,
    principalAtoms: BigInt(row.principal),
    ratePpm: BigInt(row.rate),
    period: row.period,
    openedAtMs: row.opened_at.getTime(),
    maturesAtMs: row.matures_at ? row.matures_at.getTime() : null,
    accruedPeriods: row.accrued,
  }));
}
