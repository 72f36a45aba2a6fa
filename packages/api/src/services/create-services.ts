import { createDb } from "@exchange/db";
import { EngineClient } from "@exchange/protocol";
import type { Services } from "../context";

export interface ServicesConfig {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

/** Connects the API's collaborators. One set per server process; see `closeServices`. */
export async function createServices(config: ServicesConfig): Promise<Services> {
  const engine = await EngineClient.connect({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
  });
  return { db: createDb(config.databaseUrl), engine };
}

export async function closeServices(services: Services): Promise<void> {
  await Promise.all([services.db.$disconnect(), services.engine.close()]);
}
