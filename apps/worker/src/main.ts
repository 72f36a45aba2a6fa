/**
 * Jobs and event consumers. Each job is a long-running loop; the worker starts them all and
 * stops them on SIGTERM, letting each finish the batch in hand.
 */
import { Journal, SnapshotStore } from "@exchange/journal";
import { busKeys, createLogger, EngineClient } from "@exchange/protocol";
import { Redis } from "ioredis";
import pg from "pg";
import { MarketMaker } from "./demo/market-maker";
import { readWorkerEnv } from "./env";
import { MarketDataJob } from "./market-data/market-data-job";
import { Projector } from "./projector/projector";
import { ReconciliationJob } from "./reconciliation/reconciliation-job";
import { ReferenceDataSync } from "./reference-data-sync";

const env = readWorkerEnv();
const log = createLogger("worker", env.LOG_LEVEL);
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 6 });
const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
const keys = busKeys(env.REDIS_PREFIX);
const journal = new Journal(pool);

const projector = new Projector({ pool, redis, keys, journal, log });
// A Redis connection of its own: each consumer blocks on its connection reading engine.events.
const marketDataRedis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
const marketData = new MarketDataJob({
  pool,
  redis: marketDataRedis,
  keys,
  prefix: env.REDIS_PREFIX,
  journal,
  // Read only (the engine writes snapshots); `kept` matters only to writers.
  snapshots: new SnapshotStore(pool, Number.MAX_SAFE_INTEGER),
  log,
  tickerIntervalMs: env.MARKET_DATA_TICKER_MS,
});
const reconciliation = new ReconciliationJob({
  pool,
  journal,
  log,
  everyMs: env.RECONCILE_EVERY_MS,
});
const engine = await EngineClient.connect({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX });
const jobs: Array<{ run(): Promise<void>; stop(): void }> = [
  new ReferenceDataSync({ databaseUrl: env.DATABASE_URL, engine, log }),
  projector,
  marketData,
  reconciliation,
];
if (env.DEMO_MARKET_MAKER === "on") {
  jobs.push(new MarketMaker({ pool, engine, log, tickMs: env.DEMO_TICK_MS }));
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    log.info("draining", { signal });
    for (const job of jobs) job.stop();
  });
}

log.info("worker started", { jobs: jobs.map((job) => job.constructor.name) });
try {
  await Promise.all(jobs.map((job) => job.run()));
} catch (error) {
  log.error("worker job failed", { error, stack: (error as Error).stack });
  process.exitCode = 1;
}
await Promise.all([redis.quit(), marketDataRedis.quit(), pool.end(), engine.close()]);
log.info("worker stopped");
