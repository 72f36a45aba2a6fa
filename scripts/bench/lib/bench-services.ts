/**
 * What the write-path benchmarks share: a run of their own (database and Redis prefix), the
 * workload's market as database rows, the engine's journal filled by a closed loop of orders,
 * the worker as a child process, and the projector's offset.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import type { Command } from "@exchange/core";
import type { EngineClient } from "@exchange/protocol";
import { tradingWorkload } from "@exchange/testkit";
import pg from "pg";
import type { TestRun } from "../../lib/test-run";

export const ROOT = join(import.meta.dirname, "..", "..", "..");

/** Node flags that write a CPU profile into `dir` when BENCH_PROFILE is set, none otherwise. */
export function profileArgs(dir: string): string[] {
  return process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
}

/** The benchmarks' order flow: 200 traders crossing on one market, the same on every run. */
export function benchWorkload(): () => Command {
  const workload = tradingWorkload({ seed: 7, users: 200, idPrefix: "bench" });
  return () => workload.next().value as Command;
}

/**
 * Sends `count` commands keeping `concurrency` in flight (a closed loop); resolves when every
 * one is acknowledged, that is journaled.
 */
export async function sendClosedLoop(
  client: EngineClient,
  next: () => Command,
  options: { count: number; concurrency: number },
): Promise<void> {
  let sent = 0;
  const lane = async () => {
    while (sent < options.count) {
      sent++;
      await client.send(next());
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
}

/** The worker (every consumer and job) as a child process on the run's database and Redis. */
export function startWorker(run: TestRun, nodeArgs: string[] = []): ChildProcess {
  return spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", join(ROOT, "apps/worker/src/main.ts")],
    {
      env: {
        ...process.env,
        DATABASE_URL: run.databaseUrl,
        REDIS_URL: run.redisUrl,
        REDIS_PREFIX: run.redisPrefix,
        LOG_LEVEL: "warn",
        RECONCILE_EVERY_MS: "3600000",
        // No operations port: the benchmark may run beside `npm run dev`.
        WORKER_HTTP_PORT: "0",
      },
      stdio: "inherit",
    },
  );
}

/** The last journal seq the read models include. */
export async function projectedSeq(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ seq: string }>(
    "SELECT seq FROM projector_offsets WHERE name = 'projector'",
  );
  return Number(rows[0]?.seq ?? 0);
}

/** The last seq in the engine's journal. */
export async function journaledSeq(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ seq: string | null }>(
    "SELECT max(seq) AS seq FROM engine_journal",
  );
  return Number(rows[0]?.seq ?? 0);
}

/**
 * The workload's market as database rows (the same configuration as `referenceCommands`), so the
 * worker's market-data job has its scale and the reference-data sync finds nothing new.
 */
export async function createBenchMarket(databaseUrl: string): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(
    `INSERT INTO assets (code, name, precision) VALUES ('BTC', 'Bitcoin', 8), ('USDT', 'Tether USD', 6)`,
  );
  await db.query(
    `INSERT INTO markets (symbol, base_asset, quote_asset, price_tick, lot_size, min_qty, max_qty,
       min_notional, maker_fee_rate, taker_fee_rate, updated_at)
     VALUES ('BTCUSDT', 'BTC', 'USDT', 0.01, 0.0001, 0.0001, 100, 0.000001, 0.001, 0.002, now())`,
  );
  await db.end();
}
