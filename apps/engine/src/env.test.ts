import { describe, expect, it } from "vitest";
import { parseEngineEnv } from "./env";

const base = { DATABASE_URL: "postgres://localhost/x", REDIS_URL: "redis://localhost" };

describe("engine environment", () => {
  it("refuses the fault-injection switch outside tests, so no real command can be made to throw", () => {
    for (const NODE_ENV of [undefined, "production", "development"]) {
      expect(() =>
        parseEngineEnv({ ...base, NODE_ENV, ENGINE_TEST_FAULT_COMMAND_ID: "cmd-1" }),
      ).toThrow(/ENGINE_TEST_FAULT_COMMAND_ID: fault injection is for tests only/);
    }
  });

  it("accepts the switch under NODE_ENV=test and leaves it off by default", () => {
    const env = parseEngineEnv({ ...base, NODE_ENV: "test", ENGINE_TEST_FAULT_COMMAND_ID: "c" });
    expect(env.ENGINE_TEST_FAULT_COMMAND_ID).toBe("c");
    expect(parseEngineEnv(base).ENGINE_TEST_FAULT_COMMAND_ID).toBeUndefined();
  });
});
