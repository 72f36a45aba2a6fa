import type { Consumer } from "../consumers/consumer";
import type { JobResult } from "./job-definition";

type Outcome = { ok: true; result: JobResult } | { ok: false; error: unknown };

/**
 * A job's entry on the consumer board, so /health, the metrics and the stuck alert cover jobs
 * as they cover consumers. The queue runs the job and retries it; each step here waits for the
 * next attempt's outcome and throws when it failed, so a job failing for longer than the alert
 * threshold turns health red. A job run at start only is done once it has succeeded.
 */
export class JobStatus implements Consumer {
  readonly boundedSteps = false;
  readonly batchMax = 1;
  readonly inHand = undefined;
  private provedSeq: number | undefined;
  private stopping = false;
  private succeeded = false;
  private outcomes: Outcome[] = [];
  private wake: (() => void) | undefined;

  constructor(
    readonly name: string,
    private readonly once: boolean,
  ) {}

  get processedSeq(): number | undefined {
    return this.provedSeq;
  }

  /** Called by the queue after each attempt of this job. */
  settled(outcome: Outcome): void {
    if (outcome.ok && outcome.result.processedSeq !== undefined)
      this.provedSeq = outcome.result.processedSeq;
    this.outcomes.push(outcome);
    this.wake?.();
  }

  async start(): Promise<void> {}

  async step(): Promise<boolean> {
    while (!this.stopping && this.outcomes.length === 0 && !(this.once && this.succeeded)) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    const outcome = this.outcomes.shift();
    if (outcome && !outcome.ok) throw outcome.error;
    if (outcome?.ok) this.succeeded = true;
    return !this.stopping && !(this.once && this.succeeded);
  }

  stop(): void {
    this.stopping = true;
    this.wake?.();
  }
}
