/**
 * Vitest global set-up of the `integration` project: a fresh database and Redis prefix for this
 * run, exported to the test workers through the environment.
 */
import { provisionTestRun, type TestRun } from "./lib/test-run";

let run: TestRun | undefined;

export async function setup(): Promise<void> {
  run = await provisionTestRun("it", { seed: true });
  process.env.DATABASE_URL = run.databaseUrl;
  process.env.REDIS_URL = run.redisUrl;
  process.env.REDIS_PREFIX = run.redisPrefix;
}

export async function teardown(): Promise<void> {
  await run?.teardown();
}
