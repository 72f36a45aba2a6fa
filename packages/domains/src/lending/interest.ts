import { interestForPeriodAtoms, RejectCode } from "@exchange/core";
import type { Logger } from "@exchange/protocol";
import type { Store } from "../services";
import { findAccruingLoans } from "./interest-repository";
import { type LendingServices, sendLoanAccrue } from "./lending-engine";

/**
 * Loan interest (issue 19 part 6). Day count: a loan's life is cut into periods from the moment
 * it opened — a DAY period is 24 h of loan life, an HOUR period 1 h (no calendar days, no
 * weekends, no leap seconds: elapsed milliseconds only). A period that has begun is owed: period
 * 1 begins at the opening, so it is charged at the first accrual run after it. A loan with a
 * term owes no period beginning at or after its maturity. One period's interest is
 * ⌈principal × ratePpm / 10^6⌉ (`interestForPeriodAtoms`, rounded UP in the exchange's favour:
 * at most one atom more than the rate says), on the principal outstanding when the period is
 * accrued. Each period is `loan.accrue` keyed `<loanId>:<periodNo>`, so a rerun of a period
 * sends the same command id and the engine answers it from its journal.
 */

export const LOAN_INTEREST_JOB = "loan-interest";
export const LOAN_INTEREST_ATTEMPTS = 5;

export type InterestPeriod = "HOUR" | "DAY";

export const PERIOD_MS: Record<InterestPeriod, number> = {
  HOUR: 60 * 60 * 1000,
  DAY: 24 * 60 * 60 * 1000,
};

/** How many periods of a loan have begun by `nowMs` (capped at the term's last period). */
export function periodsBegun(
  loan: { openedAtMs: number; maturesAtMs: number | null; period: InterestPeriod },
  nowMs: number,
): number {
  if (nowMs < loan.openedAtMs) return 0;
  const length = PERIOD_MS[loan.period];
  const begun = Math.floor((nowMs - loan.openedAtMs) / length) + 1;
  if (loan.maturesAtMs === null) return begun;
  const inTerm = Math.ceil((loan.maturesAtMs - loan.openedAtMs) / length);
  return Math.min(begun, Math.max(inTerm, 0));
}

/** One accrual to send: the loan, the period number (1, 2, …) and the period's interest. */
export interface DueAccrual {
  loanId: string;
  periodNo: number;
  interestAtoms: bigint;
}

/** A loan as the interest job reads it. */
export interface AccruingLoan {
  loanId: string;
  principalAtoms: bigint;
  ratePpm: bigint;
  period: InterestPeriod;
  openedAtMs: number;
  maturesAtMs: number | null;
  /** Periods the read model already shows accrued; the next starts after them. */
  accruedPeriods: number;
}

/** The accruals a loan owes at `nowMs`: each begun period not yet shown as accrued. */
export function dueAccruals(loan: AccruingLoan, nowMs: number): DueAccrual[] {
  const interestAtoms = interestForPeriodAtoms(loan.principalAtoms, loan.ratePpm);
  const due: DueAccrual[] = [];
  for (let periodNo = loan.accruedPeriods + 1; periodNo <= periodsBegun(loan, nowMs); periodNo++) {
    due.push({ loanId: loan.loanId, periodNo, interestAtoms });
  }
  return due;
}

export interface InterestRunSummary {
  accrued: number;
  /** Loans no longer open in the engine (repaid or liquidating since the read). */
  skipped: number;
}

/**
 * Accrues every begun period of every open loan. A loan that is no longer open in the engine is
 * skipped (810); any other refusal fails the run so the queue retries it (sent periods answer
 * from the journal on the retry).
 */
export async function runLoanInterest(
  services: LendingServices & { db: Store; log?: Logger },
): Promise<InterestRunSummary> {
  const nowMs = services.clock.now();
  const summary: InterestRunSummary = { accrued: 0, skipped: 0 };
  for (const loan of await findAccruingLoans(services.db)) {
    for (const accrual of dueAccruals(loan, nowMs)) {
      const outcome = await sendLoanAccrue(services, accrual);
      if (outcome.ok) {
        summary.accrued += 1;
        continue;
      }
      if (outcome.code === RejectCode.LoanNotOpen) {
        summary.skipped += 1;
        break;
      }
      throw new Error(`loan ${loan.loanId} period ${accrual.periodNo}: ${outcome.message}`);
    }
  }
  return summary;
}
