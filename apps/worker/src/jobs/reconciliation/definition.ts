import { processMetrics } from "@exchange/protocol/metrics";
import type { JobDefinition } from "../job-definition";
import { type ReconciliationOutcome, reconcileAndReport } from "./reconciliation-job";

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
    async () => {
      const outcome = await reconcileAndReport({
        pool,
        journal,
        log,
        clock,
        maxLagMs: env.RECONCILE_MAX_LAG_MS,
        ...(wallet ? { wallet } : {}),
      });
      recordReconciliation(outcome);
      return { processedSeq: outcome.seq };
    },
};

/** The last report's verdict, for the "reconciliation difference" alert and the dashboard. */
function recordReconciliation(outcome: ReconciliationOutcome): void {
  const metrics = processMetrics();
  metrics
    .gauge({
      name: "reconciliation_differences_entries",
      help: "Differences the last reconciliation report found (0: the books agree)",
    })
    .set(outcome.differences);
  metrics
    .gauge({
      name: "reconciliation_ok_ratio",
      help: "1 when the last reconciliation report balanced and the chain covers what users are owed, else 0",
    })
    .set(outcome.ok && !outcome.chainShortfall ? 1 : 0);
  metrics
    .gauge({
      name: "reconciliation_last_run_timestamp_seconds",
      help: "When the last reconciliation report was written (Unix time)",
    })
    .setToCurrentTime();
}
