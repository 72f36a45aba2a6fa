import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvError, parseEnv, portVar, sharedEnv } from "./env";

const shape = {
  DATABASE_URL: sharedEnv.DATABASE_URL,
  REDIS_PREFIX: sharedEnv.REDIS_PREFIX,
  LOG_LEVEL: sharedEnv.LOG_LEVEL,
  HTTP_PORT: portVar(3400),
};
const good = { DATABASE_URL: "postgres://localhost/exchange" };

function problem(source: Record<string, string | undefined>): string {
  try {
    parseEnv({ name: "worker", shape, source });
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("the environment was accepted");
}

describe("environment loader", () => {
  it("names a missing variable under the process's name", () => {
    expect(problem({})).toMatch(/^worker: invalid environment\n {2}DATABASE_URL: /);
  });

  it("names each invalid variable, one line each", () => {
    const message = problem({ DATABASE_URL: "mysql://x/y", LOG_LEVEL: "loud", HTTP_PORT: "70000" });
    const lines = message.split("\n").slice(1);
    expect(lines.map((line) => line.trim().split(":")[0])).toEqual([
      "DATABASE_URL",
      "LOG_LEVEL",
      "HTTP_PORT",
    ]);
  });

  it("fills the defaults and coerces numbers", () => {
    expect(parseEnv({ name: "worker", shape, source: good })).toEqual({
      ...good,
      REDIS_PREFIX: "ex:",
      LOG_LEVEL: "info",
      HTTP_PORT: 3400,
    });
  });

  it("reports a rule across variables on the variable it names", () => {
    const refine = (env: { A?: string | undefined }, ctx: z.RefinementCtx) => {
      if (env.A === "bad") ctx.addIssue({ code: "custom", path: ["A"], message: "not allowed" });
    };
    const options = { name: "x", shape: { A: z.string().optional() }, refine };
    expect(() => parseEnv({ ...options, source: { A: "bad" } })).toThrow(
      "x: invalid environment\n  A: not allowed",
    );
    expect(parseEnv({ ...options, source: { A: "ok" } }).A).toBe("ok");
  });

  it("accepts every port in range and refuses every port outside it, naming it", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 200_000 }), (port) => {
        const source = { ...good, HTTP_PORT: String(port) };
        if (port >= 0 && port <= 65_535) {
          expect(parseEnv({ name: "worker", shape, source }).HTTP_PORT).toBe(port);
        } else {
          expect(problem(source)).toContain("\n  HTTP_PORT: ");
        }
      }),
    );
  });
});
