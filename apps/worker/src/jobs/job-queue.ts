import { jobQueueKeys, type Logger } from "@exchange/protocol";
import { type ProcessMetrics, processMetrics, secondsSince } from "@exchange/protocol/metrics";
import { type Job, Queue, Worker } from "bullmq";
import type pg from "pg";
import { type JobResult, jobCommandId, type QueuedJob } from "./job-definition";
import { JobRunLog } from "./job-run-log";
import { JobStatus } from "./job-status";

/** The queue's name inside its prefix; an admin action queues a run under the same (protocol). */
const QUEUE = jobQueueKeys.name;
/** First retry delay; each further one doubles, up to the deps' `retryMaxMs`. */
const FIRST_RETRY_MS = 100;

export interface JobQueueDeps {
  redisUrl: string;
  /** The run's REDIS_PREFIX: parallel deployments (and test runs) share one Redis. */
  redisPrefix: string;
  pool: pg.Pool;
  log: Logger;
  retryMaxMs: number;
  jobs: readonly QueuedJob[];
  /** When this worker started (by the worker's clock): names the runs made at start. */
  startedAt: Date;
  /** The process's registry; `processMetrics()` when absent. */
  metrics?: ProcessMetrics;
}

interface JobData {
  /** Set for runs queued by hand or at start; a scheduled run takes its job id. */
  businessKey?: string;
}

/**
 * The worker's jobs on a BullMQ queue in Redis: scheduled runs (job schedulers), retries with
 * capped exponential backoff, one `job_runs` row per attempt, and a board entry per job.
 */
export class JobQueue {
  private readonly queue: Queue<JobData, JobResult>;
  private worker: Worker<JobData, JobResult> | undefined;
  private readonly runLog: JobRunLog;
  private readonly byName: Map<string, QueuedJob>;
  readonly statuses: Map<string, JobStatus>;
  private readonly metrics: ReturnType<typeof jobSeries>;

  constructor(private readonly deps: JobQueueDeps) {
    this.metrics = jobSeries(deps.metrics ?? processMetrics());
    this.queue = new Queue(QUEUE, this.connectionOptions());
    this.runLog = new JobRunLog(deps.pool);
    this.byName = new Map(deps.jobs.map((job) => [job.name, job]));
    this.statuses = new Map(
      deps.jobs.map((job) => [job.name, new JobStatus(job.name, "atStart" in job.schedule)]),
    );
  }

  /** Schedules every job, queues the runs made at start, and starts taking jobs. */
  async start(): Promise<void> {
    const startKey = this.deps.startedAt.toISOString();
    for (const job of this.deps.jobs) {
      if ("everyMs" in job.schedule) {
        await this.queue.upsertJobScheduler(
          job.name,
          { every: job.schedule.everyMs },
          { name: job.name, data: {}, opts: this.jobOptions(job) },
        );
      } else if ("cron" in job.schedule) {
        await this.queue.upsertJobScheduler(
          job.name,
          { pattern: job.schedule.cron, tz: "UTC" },
          { name: job.name, data: {}, opts: this.jobOptions(job) },
        );
      } else if ("atStart" in job.schedule) {
        await this.enqueue(job.name, `${job.name}:${startKey}`);
      }
    }
    this.worker = new Worker<JobData, JobResult>(QUEUE, (job) => this.process(job), {
      ...this.connectionOptions(),
      concurrency: Math.max(this.deps.jobs.length, 1),
      settings: {
        backoffStrategy: (attemptsMade) => retryDelayMs(attemptsMade, this.deps.retryMaxMs),
      },
    });
    this.worker.on("completed", (job, result) =>
      this.statuses.get(job.name)?.settled({ ok: true, result }),
    );
    this.worker.on("failed", (job, error) => {
      if (job) this.statuses.get(job.name)?.settled({ ok: false, error });
    });
    this.worker.on("error", (error) => this.deps.log.warn("job queue error", { error }));
  }

  /**
   * Queues one run of `name` for `businessKey`. A run already queued or kept for that key is
   * not queued again; one run again after BullMQ forgot it sends the same command ids.
   */
  async enqueue(name: string, businessKey: string): Promise<void> {
    const job = this.byName.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    await this.queue.add(
      name,
      { businessKey },
      { ...this.jobOptions(job), jobId: jobIdOf(businessKey) },
    );
  }

  /** Drops BullMQ's record of a finished run (tests: a run BullMQ no longer remembers). */
  async forget(businessKey: string): Promise<void> {
    await this.queue.remove(jobIdOf(businessKey));
  }

  get runs(): JobRunLog {
    return this.runLog;
  }

  /** Finishes the runs in hand, then closes the connections. */
  async close(): Promise<void> {
    for (const status of this.statuses.values()) status.stop();
    await this.worker?.close();
    await this.queue.close();
  }

  private async process(job: Job<JobData, JobResult>): Promise<JobResult> {
    const queued = this.byName.get(job.name);
    if (!queued) throw new Error(`no job named ${job.name}`);
    const businessKey = job.data.businessKey ?? scheduledKey(job);
    const attempt = job.attemptsStarted;
    const started = performance.now();
    const runId = await this.runLog.started({
      jobName: job.name,
      jobId: String(job.id),
      businessKey,
      attempt,
    });
    try {
      const result = await queued.handler({
        businessKey,
        attempt,
        commandId: (part) => jobCommandId(businessKey, part),
      });
      await this.runLog.finished(runId);
      this.recordAttempt(job.name, "succeeded", started);
      return result ?? {};
    } catch (error) {
      this.recordAttempt(job.name, "failed", started);
      await this.runLog.finished(runId, error);
      this.deps.log.error("job failed", { job: job.name, businessKey, attempt, error });
      throw error;
    }
  }

  private recordAttempt(job: string, outcome: "succeeded" | "failed", started: number): void {
    this.metrics.attempts.inc({ job, outcome });
    this.metrics.seconds.observe({ job }, secondsSince(started));
  }

  private jobOptions(job: QueuedJob) {
    return jobQueueKeys.runOptions(job.attempts);
  }

  private connectionOptions() {
    return {
      connection: { url: this.deps.redisUrl, maxRetriesPerRequest: null },
      prefix: jobQueueKeys.prefix(this.deps.redisPrefix),
    };
  }
}

/** Wait before the next attempt after `attemptsMade` failed ones: doubling, capped at `maxMs`. */
export function retryDelayMs(attemptsMade: number, maxMs: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(Math.max(attemptsMade - 1, 0), 30), maxMs);
}

/** A scheduled run is about its slot: `reconciliation:2026-12-05T10:15:00.000Z`. */
function scheduledKey(job: Job): string {
  // A job scheduler's runs are `repeat:<scheduler>:<slot in ms>`, the same for every attempt.
  const slotMs = /^repeat:.+:(\d+)$/.exec(String(job.id))?.[1];
  return slotMs ? `${job.name}:${new Date(Number(slotMs)).toISOString()}` : `${job.name}:${job.id}`;
}

/** BullMQ job ids may not hold `:`, which business keys use as a separator. */
export const jobIdOf = jobQueueKeys.jobIdOf;

/** Each attempt of each job, by outcome, and how long it took. */
function jobSeries(metrics: ProcessMetrics) {
  return {
    attempts: metrics.counter({
      name: "worker_job_runs_total",
      help: "Attempts of the worker's jobs, by job and outcome (succeeded, failed)",
      labelNames: ["job", "outcome"],
    }),
    seconds: metrics.histogram({
      name: "worker_job_run_seconds",
      help: "Time one attempt of a job took",
      labelNames: ["job"],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
    }),
  };
}
