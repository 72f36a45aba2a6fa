import type { ConsumerStatus } from "@exchange/protocol";
import type { EntryRange } from "./consumer";

export interface RetryPolicy {
  /** Wait before the first retry. */
  firstDelayMs: number;
  /** Longest wait between two attempts, however many have failed. */
  maxDelayMs: number;
}

/** Exponential backoff: first, 2×, 4×, … capped at `maxDelayMs`. `attempt` counts from 1. */
export function retryDelayMs(attempt: number, policy: RetryPolicy): number {
  const doublings = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(policy.firstDelayMs * 2 ** doublings, policy.maxDelayMs);
}

interface Failure {
  since: number;
  attempts: number;
  /** The consumer's position when it first failed here: progress past it ends the failure. */
  atSeq: number | undefined;
  entry: EntryRange | undefined;
  error: string;
}

/** What a consumer is doing, as `ConsumerTracker.status` judges it at one instant. */
export type TrackedStatus = Omit<ConsumerStatus, "heartbeatAt">;

/**
 * The pure bookkeeping of one consumer's health: failures and their backoff, the batch size
 * that names a failing entry, and whether it is stuck. It takes the time as an argument, so
 * tests drive it without a clock.
 */
export class ConsumerTracker {
  private failure: Failure | undefined;
  private stepStartedAt: number | undefined;
  private narrowUntil: number | undefined;
  private finished = false;

  constructor(
    readonly name: string,
    private readonly options: { stuckAlertMs: number; retry: RetryPolicy },
  ) {}

  /**
   * Entries the next step may take: after a batch failed, one at a time until past it, so that
   * the next failure names the very entry that cannot be stored.
   */
  maxEntries(processedSeq: number | undefined, batchMax: number): number {
    if (this.narrowUntil === undefined) return batchMax;
    return (processedSeq ?? 0) < this.narrowUntil ? 1 : batchMax;
  }

  stepStarted(now: number): void {
    this.stepStartedAt = now;
  }

  /** A step finished; `more` false means a one-shot job is done. */
  stepSucceeded(processedSeq: number | undefined, more: boolean): void {
    this.stepStartedAt = undefined;
    if (!more) this.finished = true;
    if (this.narrowUntil !== undefined && (processedSeq ?? 0) >= this.narrowUntil)
      this.narrowUntil = undefined;
    const failure = this.failure;
    if (!failure) return;
    // A failure on an entry ends only once that entry is stored; any other ends on success.
    const moved = processedSeq !== undefined && processedSeq !== failure.atSeq;
    if (failure.entry === undefined || moved) this.failure = undefined;
  }

  /** A step (or start) failed: records it and says how long to wait before the next attempt. */
  stepFailed(
    now: number,
    at: { processedSeq: number | undefined; inHand: EntryRange | undefined; error: unknown },
  ): { retryInMs: number } {
    this.stepStartedAt = undefined;
    const error = errorText(at.error);
    const same = this.failure && this.failure.atSeq === at.processedSeq;
    const failure: Failure = same
      ? { ...(this.failure as Failure), attempts: (this.failure as Failure).attempts + 1 }
      : { since: now, attempts: 1, atSeq: at.processedSeq, entry: undefined, error };
    failure.error = error;
    failure.entry = at.inHand ?? failure.entry;
    this.failure = failure;
    if (at.inHand) this.narrowUntil = Math.max(this.narrowUntil ?? 0, at.inHand.toSeq);
    return { retryInMs: retryDelayMs(failure.attempts, this.options.retry) };
  }

  status(
    now: number,
    at: { processedSeq: number | undefined; inHand: EntryRange | undefined; boundedSteps: boolean },
  ): TrackedStatus {
    const base = { name: this.name, processedSeq: at.processedSeq };
    const { stuckAlertMs } = this.options;
    const failure = this.failure;
    if (failure) {
      return {
        ...base,
        state: now - failure.since >= stuckAlertMs ? "stuck" : "retrying",
        failingSince: failure.since,
        stuckSeq: failure.entry?.fromSeq,
        attempts: failure.attempts,
        error: failure.error,
      };
    }
    const started = this.stepStartedAt;
    if (at.boundedSteps && started !== undefined && now - started >= stuckAlertMs) {
      const seq = at.inHand?.fromSeq ?? (at.processedSeq ?? 0) + 1;
      return {
        ...base,
        state: "stuck",
        failingSince: started,
        stuckSeq: seq,
        attempts: 1,
        error: `blocked for ${Math.round((now - started) / 1000)} s on seq ${seq} (a lock or a hung connection)`,
      };
    }
    return { ...base, state: this.finished ? "done" : "running" };
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 2_000 ? `${text.slice(0, 1_997)}...` : text;
}
