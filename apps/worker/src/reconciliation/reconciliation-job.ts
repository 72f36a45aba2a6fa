import type { Journal } from "@exchange/journal";
import type { Logger } from "@exchange/protocol";
import type pg from "pg";
import { reconcile } from "./reconcile";

/** Runs `reconcile` every `everyMs` and stores each result as a report for the admin console. */
export class ReconciliationJob {
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly deps: { pool: pg.Pool; journal: Journal; log: Logger; everyMs: number },
  ) {}

  async run(): Promise<void> {
    while (!this.stopping) {
      await this.runOnce().catch((error) =>
        this.deps.log.error("reconciliation failed", { error }),
      );
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, this.deps.everyMs).unref();
      });
    }
  }

  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  async runOnce(): Promise<void> {
    const { pool, journal, log } = this.deps;
    const startedAt = new Date();
    const result = await reconcile(pool, journal);
    await pool.query(
      `INSERT INTO reconciliation_reports (seq, ok, asset_totals, differences, started_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, now() AT TIME ZONE 'utc')`,
      [
        result.seq,
        result.ok,
        JSON.stringify(result.assetTotals),
        JSON.stringify(result.differences),
        startedAt,
      ],
    );
    const fields = { seq: result.seq, differences: result.differences.length };
    if (result.ok) log.info("books reconcile", fields);
    else log.error("books do not reconcile", { ...fields, first: result.differences.slice(0, 5) });
  }
}
