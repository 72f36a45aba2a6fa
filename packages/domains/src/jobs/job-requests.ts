import { jobQueueKeys } from "@exchange/protocol";
import { Queue } from "bullmq";
import type { Services } from "../services";

/**
 * The one way an action outside the worker (an admin's "run now") queues a run of a worker job:
 * on the worker's own queue, under the job's name, with the business key the handler reads and
 * the job id the worker would give it, so the worker's queue runs it as its own (retries, the
 * `job_runs` log). A key already queued or kept is not queued twice.
 */
export async function queueJobRun(
  services: Pick<Services, "redis" | "redisPrefix">,
  run: { name: string; businessKey: string; attempts: number },
): Promise<void> {
  const queue = new Queue(jobQueueKeys.name, {
    // The process's connection: BullMQ only sends commands on it (no blocking reads).
    connection: services.redis,
    prefix: jobQueueKeys.prefix(services.redisPrefix),
  });
  try {
    await queue.add(
      run.name,
      { businessKey: run.businessKey },
      { ...jobQueueKeys.runOptions(run.attempts), jobId: jobQueueKeys.jobIdOf(run.businessKey) },
    );
  } finally {
    await queue.close();
  }
}
