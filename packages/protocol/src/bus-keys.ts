/**
 * Redis names of the engine bus. Every name carries the deployment's prefix so that several
 * environments (or test runs) can share one Redis without seeing each other.
 */
export interface BusKeys {
  /** Stream the engine consumes: every command, in order. */
  commands: string;
  /** Stream the engine publishes: every event, in order. */
  events: string;
  /**
   * Stream of commands the engine set aside: each stopped it twice when applied, and was then
   * answered with `InternalError` and journaled as rejected. Every entry carries the error.
   */
  deadLetters: string;
  /** Consumer group of the engine on `commands`. */
  engineGroup: string;
  /** Pub/sub channel on which one client instance receives the engine's replies. */
  replies(clientId: string): string;
}

export function busKeys(prefix: string): BusKeys {
  return {
    commands: `${prefix}engine.commands`,
    events: `${prefix}engine.events`,
    deadLetters: `${prefix}engine.deadletter`,
    engineGroup: "engine",
    replies: (clientId) => `${prefix}engine.replies.${clientId}`,
  };
}

/** Stream entry field names: short, because every command carries them. */
export const COMMAND_FIELD = "c";
export const REPLY_TO_FIELD = "r";

/**
 * The worker's job queue (BullMQ, apps/worker/src/jobs/job-queue.ts) as anything that queues a
 * run sees it: an admin action queues a job by the same name, key prefix and job id as the
 * worker, so the worker's queue runs it as it runs its own.
 */
export const jobQueueKeys = {
  /** The queue's name inside its prefix (BullMQ forbids `:` in it). */
  name: "worker-jobs",
  /** Prefix of the queue's Redis keys: under the deployment's prefix like every other key. */
  prefix: (redisPrefix: string) => `${redisPrefix}bull`,
  /** BullMQ job ids may not hold `:`, which business keys use as a separator. */
  jobIdOf: (businessKey: string) => businessKey.replaceAll(":", "|"),
  /**
   * The options of every run: `attempts` of its job, retried by the worker's backoff strategy
   * ("capped": doubling up to a ceiling), the last 100 finished runs kept by BullMQ (the
   * `job_runs` log in Postgres keeps everything).
   */
  runOptions: (attempts: number) => ({
    attempts,
    backoff: { type: "capped" },
    removeOnComplete: 100,
    removeOnFail: 100,
  }),
} as const;
