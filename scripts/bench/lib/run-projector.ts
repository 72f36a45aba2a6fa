/**
 * The projector alone in a process of its own (no market data, no jobs), for
 * `bench:projector`: projects the journal up to BENCH_TARGET_SEQ, then prints one JSON line
 * with the time it took and the CPU this process used, and exits.
 */
import { readFile } from "node:fs/promises";
import { Journal } from "@exchange/journal";
import { busKeys, createLogger } from "@exchange/protocol";
import { Redis } from "ioredis";
import pg from "pg";
import { Projector } from "../../../apps/worker/src/consumers/projector/projector";

const targetSeq = Number(process.env.BENCH_TARGET_SEQ);
const APPLICATION = "projector-bench";
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 6,
  application_name: APPLICATION,
});
const redis = new Redis(process.env.REDIS_URL as string);
const projector = new Projector({
  pool,
  redis,
  keys: busKeys(process.env.REDIS_PREFIX as string),
  journal: new Journal(pool),
  log: createLogger("projector-bench", "warn"),
});

await projector.start();
const fromSeq = projector.projectedSeq;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const batch = Number(process.env.BENCH_BATCH ?? projector.batchMax);
while (projector.projectedSeq < targetSeq) await projector.step(batch);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
console.log(
  JSON.stringify({
    commands: targetSeq - fromSeq,
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    postgresCpuMs: await postgresCpuMs(),
  }),
);
redis.disconnect();
await pool.end();

/**
 * CPU time of this process's PostgreSQL backends (all opened for this run), read from /proc
 * when the server runs on this machine; null when it cannot be seen.
 */
async function postgresCpuMs(): Promise<number | null> {
  const { rows } = await pool.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE application_name = $1",
    [APPLICATION],
  );
  const ticksPerMs = 100 / 1000; // USER_HZ
  let total = 0;
  for (const { pid } of rows) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
    if (!stat) return null;
    // Fields after the command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    total += (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
  }
  return Math.round(total);
}
