/**
 * Vitest global set-up of the `integration` project: fresh databases and a Redis prefix for this
 * run, exported to the test workers through the environment (see lib/test-run.ts).
 */
import { provisionTestRun, type TestRun } from "./lib/test-run";

let run: TestRun | undefined;

export async function setup(): Promise<void> {
  run = await provisionTestRun("it", { seed: true });
  process.env.DATABASE_URL = run.databaseUrl;
  process.env.TEST_TEMPLATE_DATABASE_URL = run.templateUrl;
  process.env.TEST_DATABASE_PREFIX = run.databasePrefix;
  process.env.REDIS_URL = run.redisUrl;
  process.env.REDIS_PREFIX = run.redisPrefix;
}

export async function teardown(): Promise<void> {
  await run?.teardown();
}
