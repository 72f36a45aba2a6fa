import type { JobDefinition } from "../job-definition";
import { reconcileAndReport } from "./reconciliation-job";

/**
 * A job, not a consumer: it proves the read models against the ledger and the engine at a
 * point in time, whatever the events in between. It sends no engine command; a retried run
 * writes one more report, which is the log of that attempt.
 */
export const reconciliationJob: JobDefinition = {
  name: "reconciliation",
  schedule: (env) => ({ everyMs: env.RECONCILE_EVERY_MS }),
  // A run given up is superseded by the next scheduled one.
  attempts: 5,
  build:
    ({ pool, journal, log, clock, env, wallet }) =>
    async () => ({
      processedSeq: await reconcileAndReport({
        pool,
        journal,
        log,
        clock,
        maxLagMs: env.RECONCILE_MAX_LAG_MS,
        ...(wallet ? { wallet } : {}),
      }),
    }),
};
