import type { Journal } from "@exchange/journal";
import { type Clock, clockDate, type Logger } from "@exchange/protocol";
import type pg from "pg";
import { reconcile } from "./reconcile";

export interface ReconciliationJobDeps {
  pool: pg.Pool;
  journal: Journal;
  log: Logger;
  /** When the run started, as the report records it. */
  clock: Clock;
  /** A report fails when the read models hold nothing journaled more than this long ago. */
  maxLagMs: number;
}

/**
 * Runs `reconcile` once and stores the result as a report for the admin console; resolves the
 * seq it proved (balanced or not). The queue runs it every RECONCILE_EVERY_MS.
 */
export async function reconcileAndReport(deps: ReconciliationJobDeps): Promise<number> {
  const { pool, journal, log, maxLagMs } = deps;
  const startedAt = clockDate(deps.clock);
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
  return result.seq;
}
