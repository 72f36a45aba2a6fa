/**
 * Jobs and event consumers (projections, market data, chain watcher, payouts). Each job is a
 * long-running loop registered below; the worker starts them all and stops them on SIGTERM.
 * The first ones (the projector of engine events) arrive with the engine issue.
 */
import { createLogger } from "@exchange/protocol";
import { Redis } from "ioredis";
import { readWorkerEnv } from "./env";

const env = readWorkerEnv();
const log = createLogger("worker", env.LOG_LEVEL);
const redis = new Redis(env.REDIS_URL, { lazyConnect: true });
await redis.connect();
log.info("worker started", { jobs: [] });

const stopped = new Promise<void>((resolve) => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => resolve());
});
await stopped;
await redis.quit();
log.info("worker stopped");
