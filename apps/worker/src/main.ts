/**
 * The worker: the consumers of `engine.events` (consumers/registry.ts), each in its own loop on
 * the consumer board (beside the chain watcher, the notifier and the index publisher), and the
 * jobs (jobs/registry.ts) on a BullMQ queue. A failure in one is retried with backoff and never
 * stops the others; a consumer stuck on one entry, or a job
 * failing for as long, raises an alert. SIGTERM stops them all, letting each finish what it has
 * in hand.
 */
import { clockDate, createOpsHttpServer, startProcessReporting } from "@exchange/protocol";
import { metricsRoute, observeDbPool, startProcessMetrics } from "@exchange/protocol/metrics";
import { chainWatcherOf } from "./chain-watcher/chain-watcher";
import type { Consumer } from "./consumers/consumer";
import { ConsumerBoard } from "./consumers/consumer-board";
import { CONSUMERS } from "./consumers/registry";
import { MarketMaker } from "./demo/market-maker";
import { readWorkerEnv } from "./env";
import { indexPublisherOf } from "./index-publisher/index-publisher-loop";
import { JobQueue } from "./jobs/job-queue";
import { queuedJobs } from "./jobs/registry";
import { observeNetwork } from "./network-metrics";
import { notifierOf } from "./notifier/notifier";
import { perpetualPricerOf } from "./perpetual-pricer/perpetual-pricer-loop";
import { createWorkerContext } from "./worker-context";

const env = readWorkerEnv();
const metrics = startProcessMetrics("worker");
const context = await createWorkerContext(env);
const { log } = context;
const reporting = startProcessReporting({
  redis: context.redis,
  prefix: env.REDIS_PREFIX,
  process: "worker",
});
observeDbPool(metrics, "worker", () => context.pool);
observeNetwork(metrics, { redis: context.redis, db: context.store });

const jobs = new JobQueue({
  redisUrl: env.REDIS_URL,
  redisPrefix: env.REDIS_PREFIX,
  pool: context.pool,
  log,
  retryMaxMs: env.CONSUMER_RETRY_MAX_MS,
  jobs: queuedJobs(context),
  startedAt: clockDate(context.clock),
});
const loops: Consumer[] = [
  ...CONSUMERS.map((definition) => definition.build(context)),
  ...jobs.statuses.values(),
];
// A loop following the chain's blocks, not engine.events (chain-watcher/chain-watcher.ts).
const chainWatcher = chainWatcherOf(context);
if (chainWatcher) loops.push(chainWatcher);
// A loop following the tables traders' events are written to (notifier/notifier.ts).
loops.push(notifierOf(context));
// A loop sampling the markets each second for lending's index price (index-publisher/), and one
// pricing the perpetual contracts on it (perpetual-pricer/).
if (env.INDEX_PUBLISHER === "on") loops.push(indexPublisherOf(context), perpetualPricerOf(context));
if (env.DEMO_MARKET_MAKER === "on") {
  // A loop, not a job: see jobs/registry.ts.
  loops.push(
    new MarketMaker({
      pool: context.pool,
      engine: context.engine,
      log,
      clock: context.clock,
      tickMs: env.DEMO_TICK_MS,
    }),
  );
}

const board = new ConsumerBoard({
  redis: context.redis,
  prefix: env.REDIS_PREFIX,
  log,
  stuckAlertMs: env.CONSUMER_STUCK_ALERT_MS,
  retry: { firstDelayMs: 100, maxDelayMs: env.CONSUMER_RETRY_MAX_MS },
  headSeq: () => context.journal.lastSeq(),
});
const http = env.WORKER_HTTP_PORT
  ? createOpsHttpServer({
      "/health": () => {
        const consumers = board.statuses();
        const ok = consumers.every((c) => c.state !== "stuck");
        return { status: ok ? 200 : 503, json: { ok, consumers } };
      },
      "/metrics": metricsRoute(metrics),
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
    void jobs.close();
  });
}

log.info("worker started", { consumers: loops.map((c) => c.name) });
const running = board.run(loops);
await jobs.start();
await running;
await jobs.close();
http?.close();
await reporting.stop();
await context.close();
log.info("worker stopped");
