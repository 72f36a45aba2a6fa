import { busKeys, createLogger } from "@exchange/protocol";
import { Redis } from "ioredis";
import { CommandLoop } from "./command-loop";
import { readEngineEnv } from "./env";

const env = readEngineEnv();
const log = createLogger("engine", env.LOG_LEVEL);
const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
const keys = busKeys(env.REDIS_PREFIX);

const loop = new CommandLoop({
  redis,
  keys,
  consumer: env.ENGINE_CONSUMER,
  batchMax: env.ENGINE_BATCH_MAX,
  log,
});

await loop.ensureGroup();
log.info("engine started", { stream: keys.commands, consumer: env.ENGINE_CONSUMER });

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    log.info("draining", { signal });
    loop.stop();
  });
}

await loop.run();
await redis.quit();
log.info("engine stopped");
