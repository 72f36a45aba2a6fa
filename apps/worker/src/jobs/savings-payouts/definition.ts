import {
  runPayoutsForKey,
  SAVINGS_PAYOUTS_ATTEMPTS,
  SAVINGS_PAYOUTS_JOB,
} from "@exchange/domains/savings/payouts";
import type { JobDefinition } from "../job-definition";

/**
 * The savings payout run (issue 14): daily at 00:05 UTC it pays every plan due by that day; an
 * operations request ("run payouts for a date", admin) queues a run of the same job under its
 * own key (`savings-payouts:<day>:operations:<uuid>`), which this handler runs the same way.
 * Each plan is paid by a command whose id is the plan's, so an attempt that failed part-way
 * (an engine timeout, a crash) is retried by the queue and pays only what is left.
 */
export const savingsPayoutsJob: JobDefinition = {
  name: SAVINGS_PAYOUTS_JOB,
  schedule: () => ({ cron: "5 0 * * *" }),
  attempts: SAVINGS_PAYOUTS_ATTEMPTS,
  build:
    ({ store, engine, clock, log }) =>
    async (run) => {
      const result = await runPayoutsForKey({ db: store, engine, clock, log }, run.businessKey);
      if (!result.ok) throw new Error(`payout run ${result.runId} not ok: ${result.error}`);
      return {};
    },
};
