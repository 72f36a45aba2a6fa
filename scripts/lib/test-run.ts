/**
 * One isolated test run: a fresh database (migrated, optionally seeded) and a fresh Redis key
 * prefix, on whatever PostgreSQL and Redis `local-services` provides. `teardown()` drops the
 * database, deletes the prefix's keys and stops any server it started.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@exchange/db";
import {
  dropDatabase,
  ensureDatabase,
  migrateDatabase,
  seed,
  withDatabaseName,
} from "@exchange/db/operations";
import { Redis } from "ioredis";
import { providePostgres, provideRedis } from "./local-services";

export interface TestRun {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  teardown(): Promise<void>;
}

export async function provisionTestRun(tag: string, options: { seed: boolean }): Promise<TestRun> {
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const scratch = join(tmpdir(), "exchange-test-services");
  const postgres = await providePostgres({
    dataDir: scratch,
    port: 54_339,
    fromEnv: process.env.DATABASE_URL,
  });
  const redis = await provideRedis({
    dataDir: scratch,
    port: 63_799,
    fromEnv: process.env.REDIS_URL,
  });

  const databaseUrl = withDatabaseName(postgres.url, `exchange_${tag}_${runId}`);
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl);
  if (options.seed) {
    const db = createDb(databaseUrl);
    await seed(db);
    await db.$disconnect();
  }
  const redisPrefix = `test:${tag}:${runId}:`;

  return {
    databaseUrl,
    redisUrl: redis.url,
    redisPrefix,
    async teardown() {
      await dropDatabase(databaseUrl);
      await deleteKeys(redis.url, redisPrefix);
      await Promise.all([postgres.stop(), redis.stop()]);
    },
  };
}

async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1_000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
