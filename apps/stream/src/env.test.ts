import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runVar } from "@exchange/protocol/testing";
import { describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

describe("gateway environment", () => {
  it("exits with 1 and one message naming each bad variable, before connecting anywhere", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", MAIN], {
      env: { PATH: runVar("PATH"), STREAM_TOKEN_SECRET: "short", STREAM_PORT: "http" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^stream: invalid environment\n/);
    expect(run.stderr).toContain("\n  REDIS_URL: ");
    expect(run.stderr).toContain("\n  STREAM_TOKEN_SECRET: ");
    expect(run.stderr).toContain("\n  STREAM_PORT: ");
    expect(run.stderr).not.toContain("    at ");
  });
});
