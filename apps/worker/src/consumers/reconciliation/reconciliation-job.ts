import type { Journal } from "@exchange/journal";
import { type Clock, clockDate, type Logger, systemClock } from "@exchange/protocol";
import type pg from "pg";
import type { Consumer } from "../consumer";
import { reconcile } from "./reconcile";

/** Longest single sleep between checks for `stop`, so a stop never waits out a long interval. */
const NAP_MS = 1_000;

export interface ReconciliationJobDeps {
  pool: pg.Pool;
  journal: Journal;
  log: Logger;
  everyMs: number;
  /** A report fails when the read models hold nothing journaled more than this long ago. */
  maxLagMs: number;
  /** When reports are due and when a run started; the system clock when absent. */
  clock?: Clock;
}

/** Runs `reconcile` every `everyMs` and stores each result as a report for the admin console. */
export class ReconciliationJob implements Consumer {
  readonly name = "reconciliation";
  readonly boundedSteps = false;
  readonly batchMax = 1;
  readonly inHand = undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private nextAt = 0;
  private provedSeq: number | undefined;

  constructor(private readonly deps: ReconciliationJobDeps) {}

  private get clock(): Clock {
    return this.deps.clock ?? systemClock;
  }

  /** The seq the last report proved (balanced or not). */
  get processedSeq(): number | undefined {
    return this.provedSeq;
  }

  async start(): Promise<void> {}

  /** A report when one is due, else a nap. A failed run is retried by the board with backoff. */
  async step(): Promise<boolean> {
    if (this.stopping) return false;
    const waitMs = this.nextAt - this.clock.now();
    if (waitMs > 0) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, Math.min(waitMs, NAP_MS)).unref();
      });
      return !this.stopping;
    }
    await this.runOnce();
    this.nextAt = this.clock.now() + this.deps.everyMs;
    return !this.stopping;
  }

  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  async runOnce(): Promise<void> {
    const { pool, journal, log, maxLagMs } = this.deps;
    const startedAt = clockDate(this.clock);
    const result = await reconcile(pool, journal, { maxLagMs });
    await pool.query(
      `INSERT INTO reconciliation_reports
         (seq, engine_seq, ok, failure, asset_totals, differences, started_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() AT TIME ZONE 'utc')`,
      [
        result.seq,
        result.engineSeq,
        result.ok,
        result.failure,
        JSON.stringify(result.assetTotals),
        JSON.stringify(result.differences),
        startedAt,
      ],
    );
    this.provedSeq = result.seq;
    const fields = {
      seq: result.seq,
      engineSeq: result.engineSeq,
      differences: result.differences.length,
    };
    if (result.ok) log.info("books reconcile", fields);
    else
      log.error("books do not reconcile", {
        ...fields,
        failure: result.failure,
        first: result.differences.slice(0, 5),
      });
  }
}
