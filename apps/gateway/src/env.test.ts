import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runVar } from "@exchange/protocol/testing";
import { describe, expect, it } from "vitest";
import { parseGatewayEnv } from "./env";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

describe("trading gateway environment", () => {
  it("exits with 1 and one message naming each bad variable, before connecting anywhere", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", MAIN], {
      env: { PATH: runVar("PATH"), GATEWAY_PORT: "http", GATEWAY_WEIGHT_PER_MINUTE: "0" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^gateway: invalid environment\n/);
    expect(run.stderr).toContain("\n  DATABASE_URL: ");
    expect(run.stderr).toContain("\n  REDIS_URL: ");
    expect(run.stderr).toContain("\n  GATEWAY_PORT: ");
    expect(run.stderr).toContain("\n  GATEWAY_WEIGHT_PER_MINUTE: ");
    expect(run.stderr).not.toContain("    at ");
    // The child may take its own 20 s (loading the whole gateway under tsx on a busy machine).
  }, 30_000);

  it("defaults the request-weight bounds to Binance's", () => {
    const env = parseGatewayEnv({
      DATABASE_URL: "postgres://localhost/x",
      REDIS_URL: "redis://localhost:6379",
    });
    expect(env).toMatchObject({
      GATEWAY_PORT: 3600,
      GATEWAY_WEIGHT_PER_MINUTE: 6000,
      GATEWAY_BAN_BASE_MS: 120_000,
      GATEWAY_BAN_MAX_MS: 259_200_000,
    });
  });
});
