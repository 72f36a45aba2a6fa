import { type ConsumerStatus, consumerStatusKey, type Logger } from "@exchange/protocol";
import { type ProcessMetrics, processMetrics } from "@exchange/protocol/metrics";
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
  /** The engine's last journaled seq, the head each consumer's lag is measured from. */
  headSeq?: () => Promise<number>;
  /** The process's registry; `processMetrics()` when absent. */
  metrics?: ProcessMetrics;
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
  private readonly metrics: ReturnType<typeof boardSeries>;
  private headSeq: number | undefined;

  constructor(private readonly deps: ConsumerBoardDeps) {
    this.now = deps.now ?? Date.now;
    this.metrics = boardSeries(deps.metrics ?? processMetrics());
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
        this.metrics.failures.inc({ consumer: consumer.name });
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
    await this.readHeadSeq();
    const statuses = this.statuses();
    const at = this.now();
    statuses.forEach((status, i) => {
      const entry = this.entries[i] as Entry;
      this.recordMetrics(entry.consumer, status, at);
      this.alertIfStuck(entry, status);
    });
    const fields = statuses.flatMap((s) => [s.name, JSON.stringify(s)]);
    try {
      await this.deps.redis.hset(consumerStatusKey(this.deps.prefix), ...fields);
    } catch (error) {
      this.deps.log.warn("could not write the consumers' status", { error });
    }
  }

  private async readHeadSeq(): Promise<void> {
    if (!this.deps.headSeq) return;
    try {
      this.headSeq = await this.deps.headSeq();
    } catch (error) {
      this.deps.log.warn("could not read the journal's head for the consumers' lag", { error });
    }
  }

  private recordMetrics(consumer: Consumer, status: ConsumerStatus, at: number): void {
    const labels = { consumer: status.name };
    if (status.processedSeq !== undefined) {
      this.metrics.processedSeq.set(labels, status.processedSeq);
      // Jobs (unbounded steps) prove a seq now and then; consumers of engine.events follow it.
      if (this.headSeq !== undefined && consumer.boundedSteps)
        this.metrics.lag.set(labels, Math.max(0, this.headSeq - status.processedSeq));
    }
    this.metrics.stuck.set(labels, status.state === "stuck" ? 1 : 0);
    this.metrics.failingSeconds.set(
      labels,
      status.failingSince === undefined ? 0 : (at - status.failingSince) / 1000,
    );
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

/** The board's series: where each consumer is, how far behind the journal, stuck or failing. */
function boardSeries(metrics: ProcessMetrics) {
  const labelNames = ["consumer"] as const;
  return {
    processedSeq: metrics.gauge({
      name: "worker_consumer_processed_seq",
      help: "Last engine journal seq a consumer (or job) has stored",
      labelNames,
    }),
    lag: metrics.gauge({
      name: "worker_consumer_lag_events",
      help: "Journaled commands a consumer of engine.events has not processed yet",
      labelNames,
    }),
    stuck: metrics.gauge({
      name: "worker_consumer_stuck_ratio",
      help: "1 while a consumer is stuck on one entry, else 0",
      labelNames,
    }),
    failingSeconds: metrics.gauge({
      name: "worker_consumer_failing_seconds",
      help: "How long a consumer has been failing on its current entry (0 when healthy)",
      labelNames,
    }),
    failures: metrics.counter({
      name: "worker_consumer_failures_total",
      help: "Failed attempts, by consumer",
      labelNames,
    }),
  };
}
