import { RejectCode } from "@exchange/core";
import type { Store } from "../services";
import { type LendingServices, sendLoanLiquidate } from "./lending-engine";

/**
 * Loans at the end of their term (issue 19 part 4): an open loan whose `matures_at` has passed
 * is liquidated with reason `maturity` (the engine checks the time itself); the loan monitor
 * then sells its collateral slice by slice like any liquidation. The command's id is the loan's,
 * so a rerun sends it once. A loan repaid meanwhile is refused (810) and skipped.
 */

export const LOAN_MATURITY_JOB = "loan-maturity";
export const LOAN_MATURITY_ATTEMPTS = 5;

export async function findMaturedLoanIds(db: Store, now: Date): Promise<string[]> {
  const rows = await db.loan.findMany({
    where: { status: "OPEN", maturesAt: { lte: now } },
    select: { id: true },
    orderBy: { maturesAt: "asc" },
  });
  return rows.map((row) => row.id);
}

export async function runLoanMaturity(
  services: LendingServices & { db: Store },
): Promise<{ liquidated: number; skipped: number }> {
  const summary = { liquidated: 0, skipped: 0 };
  const now = new Date(services.clock.now());
  for (const loanId of await findMaturedLoanIds(services.db, now)) {
    const outcome = await sendLoanLiquidate(services, { loanId, reason: "maturity" });
    if (outcome.ok) summary.liquidated += 1;
    else if (outcome.code === RejectCode.LoanNotOpen) summary.skipped += 1;
    else throw new Error(`loan ${loanId} at maturity: ${outcome.message}`);
  }
  return summary;
}
