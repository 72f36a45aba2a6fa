import {
  LOAN_MATURITY_ATTEMPTS,
  LOAN_MATURITY_JOB,
  runLoanMaturity,
} from "@exchange/domains/lending/maturity";
import type { JobDefinition } from "../job-definition";

/** Every minute: each open loan past its term starts its liquidation (reason maturity). */
export const loanMaturityJob: JobDefinition = {
  name: LOAN_MATURITY_JOB,
  schedule: () => ({ everyMs: 60 * 1000 }),
  attempts: LOAN_MATURITY_ATTEMPTS,
  build:
    ({ store, engine, clock, log }) =>
    async () => {
      const summary = await runLoanMaturity({ db: store, engine, clock });
      if (summary.liquidated > 0) log.info("matured loans liquidated", { ...summary });
      return {};
    },
};
