import type { WorkerEnv } from "../env";
import type { WorkerContext } from "../worker-context";

/** When a job runs. */
export type JobSchedule =
  /** Repeatedly, every so many milliseconds (the first run at once), one run at a time. */
  | { everyMs: number }
  /** At the times of a cron pattern, in UTC ("5 0 * * *": 00:05 every day), one run at a time. */
  | { cron: string }
  /** Once each time the worker starts. */
  | { atStart: true }
  /** Only when queued for a business key (`JobQueue.enqueue`), e.g. by an admin action. */
  | { onDemand: true };

/** One attempt of one run, as the handler sees it. */
export interface JobRun {
  /**
   * What the run is about, the same for every attempt of it (`reconciliation:<slot>`,
   * `reference-data:<start>`): a retried run derives the same command ids from it.
   */
  businessKey: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** An engine command id derived from the business key: a retried run sends no command twice. */
  commandId(part: string): string;
}

/** What a run reports; `processedSeq` shows on the consumer board (e.g. the seq a report proved). */
export interface JobResult {
  processedSeq?: number;
}

export type JobHandler = (run: JobRun) => Promise<JobResult>;

/**
 * A job of the worker, as jobs/registry.ts lists it: a folder under jobs/ exports one. The queue
 * runs it with retries and backoff and logs each attempt in `job_runs`.
 */
export interface JobDefinition {
  name: string;
  schedule(env: WorkerEnv): JobSchedule;
  /** Attempts of one run before it is given up (the next scheduled run starts afresh). */
  attempts: number;
  enabled?(env: WorkerEnv): boolean;
  build(context: WorkerContext): JobHandler;
}

/** A job ready to queue: its definition's handler built from the worker's context. */
export interface QueuedJob {
  name: string;
  schedule: JobSchedule;
  attempts: number;
  handler: JobHandler;
}

/** `<business key>:<part>`: the one way a job names the engine commands it sends. */
export function jobCommandId(businessKey: string, part: string): string {
  return `job:${businessKey}:${part}`;
}
