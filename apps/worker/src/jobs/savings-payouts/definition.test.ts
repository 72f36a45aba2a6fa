import { describe, expect, it } from "vitest";
import { parseWorkerEnv } from "../../env";
import { JOBS } from "../registry";
import { savingsPayoutsJob } from "./definition";

const env = parseWorkerEnv({
  DATABASE_URL: "postgresql://localhost:5432/exchange",
  REDIS_URL: "redis://localhost:6379",
});

describe("the savings payout job", () => {
  it("is in the worker's list, runs daily at 00:05 UTC and retries a run up to five times", () => {
    expect(JOBS).toContain(savingsPayoutsJob);
    expect(savingsPayoutsJob.enabled?.(env) ?? true).toBe(true);
    const schedule = savingsPayoutsJob.schedule(env);
    expect(schedule).toEqual({ cron: "5 0 * * *" });
    expect(savingsPayoutsJob.attempts).toBe(5);
  });
});
