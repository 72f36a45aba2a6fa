import { describe, expect, it } from "vitest";
import { parseWorkerEnv } from "../../env";
import { JOBS } from "../registry";
import { feeTiersJob } from "./definition";

const env = parseWorkerEnv({
  DATABASE_URL: "postgresql://localhost:5432/exchange",
  REDIS_URL: "redis://localhost:6379",
});

describe("the fee-tier job", () => {
  it("is in the worker's list and runs daily at 00:15 UTC, retrying a run", () => {
    expect(JOBS).toContain(feeTiersJob);
    expect(feeTiersJob.enabled?.(env) ?? true).toBe(true);
    expect(feeTiersJob.schedule(env)).toEqual({ cron: "15 0 * * *" });
    expect(feeTiersJob.attempts).toBeGreaterThan(1);
  });
});
