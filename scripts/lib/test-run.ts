/**
 * One isolated test run: fresh databases and a fresh Redis key prefix, on whatever PostgreSQL and
 * Redis `local-services` provides. `databaseUrl` is migrated (and optionally seeded) for tests to
 * share; `templateUrl` is the same, never connected to, so a test that needs a database of its
 * own (an engine with its own journal) copies it in a fraction of a second. `teardown()` drops
 * every database of the run, deletes the prefix's keys and stops any server it started.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@exchange/db";
import {
  createDatabaseFromTemplate,
  dropDatabasesByPrefix,
  ensureDatabase,
  migrateDatabase,
  seed,
  withDatabaseName,
} from "@exchange/db/operations";
import { Redis } from "ioredis";
import { randomSecret } from "./dev-secrets";
import { providePostgres, provideRedis } from "./local-services";
import { readScriptEnv } from "./script-env";

export interface TestRun {
  databaseUrl: string;
  templateUrl: string;
  /** Prefix of every database name this run creates (scratch databases included). */
  databasePrefix: string;
  redisUrl: string;
  redisPrefix: string;
  /** TWO_FACTOR_KEY of this run; the seeded staff's TOTP secrets are encrypted with it. */
  twoFactorKey: string;
  teardown(): Promise<void>;
}

export interface TestRunOptions {
  seed: boolean;
  /** Runs on the seeded template before any copy is made (e.g. recording the chain's token). */
  afterSeed?: (templateUrl: string) => Promise<void>;
}

export async function provisionTestRun(tag: string, options: TestRunOptions): Promise<TestRun> {
  const env = readScriptEnv();
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const scratch = join(tmpdir(), "exchange-test-services");
  const postgres = await providePostgres({
    dataDir: scratch,
    port: 54_339,
    fromEnv: env.DATABASE_URL,
  });
  const redis = await provideRedis({
    dataDir: scratch,
    port: 63_799,
    fromEnv: env.REDIS_URL,
  });

  const databasePrefix = `exchange_${tag}_${runId}`;
  const templateUrl = withDatabaseName(postgres.url, `${databasePrefix}_template`);
  await ensureDatabase(templateUrl);
  await migrateDatabase(templateUrl);
  const twoFactorKey = randomSecret();
  if (options.seed) {
    const db = createDb(templateUrl);
    await seed(db, { twoFactorKey, nodeEnv: env.NODE_ENV });
    await db.$disconnect();
  }
  await options.afterSeed?.(templateUrl);
  const databaseUrl = await createDatabaseFromTemplate(templateUrl, `${databasePrefix}_main`);
  const redisPrefix = `test:${tag}:${runId}:`;

  return {
    databaseUrl,
    templateUrl,
    databasePrefix,
    redisUrl: redis.url,
    redisPrefix,
    twoFactorKey,
    async teardown() {
      await dropDatabasesByPrefix(postgres.url, databasePrefix);
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
