import type { WorkerContext } from "../worker-context";
import { alertCenterJob } from "./alert-center/definition";
import { feeTiersJob } from "./fee-tiers/definition";
import { hotWalletJob } from "./hot-wallet/definition";
import type { JobDefinition, QueuedJob } from "./job-definition";
import { loanInterestJob } from "./loan-interest/definition";
import { loanMaturityJob } from "./loan-maturity/definition";
import { loanOpeningsJob } from "./loan-openings/definition";
import { marketStatusChangesJob } from "./market-status-changes/definition";
import { reconciliationJob } from "./reconciliation/definition";
import { referenceDataJob } from "./reference-data/definition";
import { savingsInstancesJob } from "./savings-instances/definition";
import { savingsPayoutsJob } from "./savings-payouts/definition";
import { savingsSubscriptionsJob } from "./savings-subscriptions/definition";

/**
 * Every job of the worker, run on the BullMQ queue (jobs/job-queue.ts). Adding one: a folder
 * under jobs/ exporting a `JobDefinition`, and one line here.
 *
 * What is a job and what is not: work that runs on time rather than on engine events is a job
 * (reconciliation every RECONCILE_EVERY_MS, the reference-data sync at start), so it gets
 * retries, backoff and a run log. Consumers of `engine.events` stay loops on the consumer board
 * (consumers/registry.ts): they follow an offset, not a clock. The demo market maker stays a
 * loop too: its quotes are a random walk held in memory, a retried tick would only repeat a
 * stale quote, and it moves no real money.
 */
export const JOBS: readonly JobDefinition[] = [
  referenceDataJob,
  reconciliationJob,
  hotWalletJob,
  savingsInstancesJob,
  savingsSubscriptionsJob,
  savingsPayoutsJob,
  marketStatusChangesJob,
  feeTiersJob,
  alertCenterJob,
  loanInterestJob,
  loanMaturityJob,
  loanOpeningsJob,
];

export function queuedJobs(context: WorkerContext): QueuedJob[] {
  return JOBS.filter((job) => job.enabled?.(context.env) ?? true).map((job) => ({
    name: job.name,
    schedule: job.schedule(context.env),
    attempts: job.attempts,
    handler: job.build(context),
  }));
}
