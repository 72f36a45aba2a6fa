/**
 * Jobs and event consumers. Each runs in its own loop on the consumer board: a failure in one
 * is retried with backoff and never stops the others; a consumer stuck on one entry raises an
 * alert. SIGTERM stops them all, letting each finish the batch in hand.
 */
import { Journal, SnapshotStore } from "@exchange/journal";
import { busKeys, createLogger, createOpsHttpServer, EngineClient } from "@exchange/protocol";
import { Redis } from "ioredis";
import pg from "pg";
import type { Consumer } from "./consumers/consumer";
import { ConsumerBoard } from "./consumers/consumer-board";
import { MarketDataJob } from "./consumers/market-data/market-data-job";
import { Projector } from "./consumers/projector/projector";
import { MarketMaker } from "./demo/market-maker";
import { readWorkerEnv } from "./env";
import { ReconciliationJob } from "./jobs/reconciliation/reconciliation-job";
import { ReferenceDataSync } from "./jobs/reference-data/reference-data-sync";

const env = readWorkerEnv();
const log = createLogger("worker", env.LOG_LEVEL);
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 6 });
// An idle client's error (Postgres restarted, a connection killed) must not end the process.
pool.on("error", (error) => log.warn("idle database connection failed", { error }));
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
  maxLagMs: env.RECONCILE_MAX_LAG_MS,
});
const engine = await EngineClient.connect({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX });
const consumers: Consumer[] = [
  new ReferenceDataSync({ databaseUrl: env.DATABASE_URL, engine, log }),
  projector,
  marketData,
  reconciliation,
];
if (env.DEMO_MARKET_MAKER === "on") {
  consumers.push(new MarketMaker({ pool, engine, log, tickMs: env.DEMO_TICK_MS }));
}

const board = new ConsumerBoard({
  redis,
  prefix: env.REDIS_PREFIX,
  log,
  stuckAlertMs: env.CONSUMER_STUCK_ALERT_MS,
  retry: { firstDelayMs: 100, maxDelayMs: env.CONSUMER_RETRY_MAX_MS },
});
const http = env.WORKER_HTTP_PORT
  ? createOpsHttpServer({
      "/health": () => {
        const consumers = board.statuses();
        const ok = consumers.every((c) => c.state !== "stuck");
        return { status: ok ? 200 : 503, json: { ok, consumers } };
      },
      "/metrics": () => ({ status: 200, text: board.renderMetrics() }),
    })
  : undefined;
if (http) {
  await new Promise<void>((resolve) =>
    http.listen(env.WORKER_HTTP_PORT, env.WORKER_HTTP_HOST, resolve),
  );
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    log.info("draining", { signal });
    board.stop();
  });
}

log.info("worker started", { consumers: consumers.map((c) => c.name) });
await board.run(consumers);
http?.close();
await Promise.all([redis.quit(), marketDataRedis.quit(), pool.end(), engine.close()]);
log.info("worker stopped");
