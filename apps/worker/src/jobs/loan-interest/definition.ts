import {
  LOAN_INTEREST_ATTEMPTS,
  LOAN_INTEREST_JOB,
  runLoanInterest,
} from "@exchange/domains/lending/interest";
import type { JobDefinition } from "../job-definition";

/**
 * Loan interest (issue 19 part 6): every five minutes, each open loan's begun periods (HOUR or
 * DAY of loan life, `lending/interest.ts`) are accrued, one `loan.accrue` per period keyed
 * `<loanId>:<periodNo>`. Running more often than the shortest period only finds nothing new; a
 * retried or repeated run sends the same command ids, which the engine answers once.
 */
export const loanInterestJob: JobDefinition = {
  name: LOAN_INTEREST_JOB,
  schedule: () => ({ everyMs: 5 * 60 * 1000 }),
  attempts: LOAN_INTEREST_ATTEMPTS,
  build:
    ({ store, engine, clock, log }) =>
    async () => {
      const summary = await runLoanInterest({ db: store, engine, clock, log });
      if (summary.accrued > 0) log.info("loan interest accrued", { ...summary });
      return {};
    },
};
