import { describe, expect, it } from "vitest";
import { parseWorkerEnv } from "../../env";
import { JOBS } from "../registry";
import { savingsInstancesJob } from "./definition";

describe("the savings-instances job", () => {
  it("is registered and runs at start and every six hours, whatever the environment", () => {
    const env = parseWorkerEnv({
      DATABASE_URL: "postgresql://localhost:5432/exchange",
      REDIS_URL: "redis://localhost:6379",
    });
    expect(JOBS).toContain(savingsInstancesJob);
    expect(savingsInstancesJob.enabled?.(env) ?? true).toBe(true);
    expect(savingsInstancesJob.schedule(env)).toEqual({ everyMs: 6 * 60 * 60_000 });
  });
});
