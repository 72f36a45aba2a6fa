import {
  type ConsumerStatus,
  Counter,
  consumerStatusKey,
  Gauge,
  type Logger,
  renderMetrics,
} from "@exchange/protocol";
import type { Redis } from "ioredis";
import type { Consumer } from "./consumer";
import { ConsumerTracker, type RetryPolicy } from "./consumer-tracker";

/** How often the board writes every consumer's status (the API calls one stale after a few). */
export const HEARTBEAT_MS = 1_000;

export interface ConsumerBoardDeps {
  redis: Redis;
  prefix: string;
  log: Logger;
  stuckAlertMs: number;
  retry: RetryPolicy;
  now?: () => number;
}

interface Entry {
  consumer: Consumer;
  tracker: ConsumerTracker;
  /** The stuck entry last alerted, so that one stuck entry raises one alert. */
  alerted: string | undefined;
}

/**
 * Runs each consumer in its own loop, so that a failure in one never stops another, and keeps
 * the board: every second it writes each consumer's status to Redis (the API's health reads
 * it), updates the metrics, and raises a `fatal` alert when one is stuck.
 */
export class ConsumerBoard {
  private readonly entries: Entry[] = [];
  private readonly now: () => number;
  private stopping = false;
  private readonly sleepers = new Set<() => void>();
  private readonly metrics = {
    processedSeq: new Gauge(
      "worker_consumer_processed_seq",
      "Last engine journal seq a consumer has stored",
    ),
    stuck: new Gauge("worker_consumer_stuck", "1 while a consumer is stuck on one entry"),
    failingSeconds: new Gauge(
      "worker_consumer_failing_seconds",
      "How long a consumer has been failing on its current entry (0 when healthy)",
    ),
    failures: new Counter("worker_consumer_failures_total", "Failed attempts, by consumer"),
  };

  constructor(private readonly deps: ConsumerBoardDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Runs every consumer until `stop`; resolves once all have returned. Never rejects. */
  async run(consumers: readonly Consumer[]): Promise<void> {
    for (const consumer of consumers) {
      this.entries.push({
        consumer,
        tracker: new ConsumerTracker(consumer.name, this.deps),
        alerted: undefined,
      });
    }
    // Only this run's consumers: a job no longer started must not look silent for ever.
    await this.deps.redis.del(consumerStatusKey(this.deps.prefix)).catch(() => 0);
    await this.publish();
    const heartbeat = setInterval(() => void this.publish(), HEARTBEAT_MS);
    try {
      await Promise.all(this.entries.map((entry) => this.loop(entry)));
    } finally {
      clearInterval(heartbeat);
    }
  }

  stop(): void {
    this.stopping = true;
    for (const entry of this.entries) entry.consumer.stop();
    for (const wake of this.sleepers) wake();
  }

  renderMetrics(): string {
    return renderMetrics(Object.values(this.metrics));
  }

  /** Statuses as of now (also what `/health` of the worker answers). */
  statuses(): ConsumerStatus[] {
    const heartbeatAt = this.now();
    return this.entries.map(({ consumer, tracker }) => ({
      ...tracker.status(heartbeatAt, consumer),
      heartbeatAt,
    }));
  }

  private async loop({ consumer, tracker }: Entry): Promise<void> {
    const { log } = this.deps;
    let needsStart = true;
    while (!this.stopping) {
      try {
        if (needsStart) {
          await consumer.start();
          needsStart = false;
        }
        tracker.stepStarted(this.now());
        const more = await consumer.step(
          tracker.maxEntries(consumer.processedSeq, consumer.batchMax),
        );
        tracker.stepSucceeded(consumer.processedSeq, more);
        if (!more) return;
      } catch (error) {
        if (this.stopping) return;
        needsStart = true;
        this.metrics.failures.inc(1, { consumer: consumer.name });
        const { retryInMs } = tracker.stepFailed(this.now(), {
          processedSeq: consumer.processedSeq,
          inHand: consumer.inHand,
          error,
        });
        log.error("consumer failed; retrying", {
          consumer: consumer.name,
          processedSeq: consumer.processedSeq,
          entry: consumer.inHand,
          retryInMs,
          error,
        });
        await this.sleep(retryInMs);
      }
    }
  }

  /** Writes the statuses, the metrics and, for a newly stuck consumer, the alert. */
  private async publish(): Promise<void> {
    const statuses = this.statuses();
    const at = this.now();
    statuses.forEach((status, i) => {
      const labels = { consumer: status.name };
      if (status.processedSeq !== undefined)
        this.metrics.processedSeq.set(status.processedSeq, labels);
      this.metrics.stuck.set(status.state === "stuck" ? 1 : 0, labels);
      this.metrics.failingSeconds.set(
        status.failingSince === undefined ? 0 : (at - status.failingSince) / 1000,
        labels,
      );
      this.alertIfStuck(this.entries[i] as Entry, status);
    });
    const fields = statuses.flatMap((s) => [s.name, JSON.stringify(s)]);
    try {
      await this.deps.redis.hset(consumerStatusKey(this.deps.prefix), ...fields);
    } catch (error) {
      this.deps.log.warn("could not write the consumers' status", { error });
    }
  }

  private alertIfStuck(entry: Entry, status: ConsumerStatus): void {
    if (status.state !== "stuck") {
      entry.alerted = undefined;
      return;
    }
    const key = `${status.stuckSeq}`;
    if (entry.alerted === key) return;
    entry.alerted = key;
    this.deps.log.fatal("consumer stuck", {
      consumer: status.name,
      stuckSeq: status.stuckSeq,
      processedSeq: status.processedSeq,
      since: status.failingSince && new Date(status.failingSince).toISOString(),
      attempts: status.attempts,
      error: status.error,
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
