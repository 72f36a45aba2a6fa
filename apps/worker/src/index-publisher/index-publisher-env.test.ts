import { describe, expect, it } from "vitest";
import { parseWorkerEnv } from "../env";

const base = {
  DATABASE_URL: "postgresql://localhost:5432/exchange",
  REDIS_URL: "redis://localhost:6379",
};

describe("the index publisher's environment", () => {
  it("runs unless turned off, and takes nothing but on or off", () => {
    expect(parseWorkerEnv(base).INDEX_PUBLISHER).toBe("on");
    expect(parseWorkerEnv({ ...base, INDEX_PUBLISHER: "off" }).INDEX_PUBLISHER).toBe("off");
    expect(() => parseWorkerEnv({ ...base, INDEX_PUBLISHER: "maybe" })).toThrow(/INDEX_PUBLISHER/);
  });
});
