import { resolve } from "node:path";
import { createDb } from "@exchange/db";
import { EngineClient } from "@exchange/protocol";
import { Redis } from "ioredis";
import type { Services } from "../context";
import { LocalDocumentStorage } from "./document-storage";

export interface ServicesConfig {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  streamTokenSecret?: string;
  /**
   * Directory of uploaded identity documents; web (which stores) and admin (which reads) must
   * share it. Defaults to `.data/documents` under the working directory.
   */
  documentStorageDir?: string | undefined;
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
    documents: new LocalDocumentStorage(config.documentStorageDir ?? resolve(".data/documents")),
    ...(config.streamTokenSecret ? { streamTokenSecret: config.streamTokenSecret } : {}),
  };
}

export async function closeServices(services: Services): Promise<void> {
  await Promise.all([services.db.$disconnect(), services.engine.close(), services.redis.quit()]);
}
