import { createDb } from "@exchange/db";
import { EngineClient } from "@exchange/protocol";
import { Redis } from "ioredis";
import type { Services } from "../context";

export interface ServicesConfig {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  streamTokenSecret?: string;
}

/** Connects the API's collaborators. One set per server process; see `closeServices`. */
export async function createServices(config: ServicesConfig): Promise<Services> {
  const engine = await EngineClient.connect({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
  });
  const redis = new Redis(config.redisUrl, { lazyConnect: true, enableAutoPipelining: true });
  await redis.connect();
  return {
    db: createDb(config.databaseUrl),
    engine,
    redis,
    redisPrefix: config.redisPrefix,
    ...(config.streamTokenSecret ? { streamTokenSecret: config.streamTokenSecret } : {}),
  };
}

export async function closeServices(services: Services): Promise<void> {
  await Promise.all([services.db.$disconnect(), services.engine.close(), services.redis.quit()]);
}
