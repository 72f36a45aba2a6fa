import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { runVar } from "@exchange/protocol/testing";
import { describe, expect, it } from "vitest";

const SEED_CLI = fileURLToPath(new URL("./seed-cli.ts", import.meta.url));

describe("seed", () => {
  it("refuses to run in production, where its demo staff with public passwords would open the console", async () => {
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", SEED_CLI], {
      env: {
        PATH: runVar("PATH"),
        DATABASE_URL: `${runVar("DATABASE_URL")}`,
        NODE_ENV: "production",
      },
    });

    const failure = await run.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      "The seed creates demo staff and traders whose passwords are public; it does not run with NODE_ENV=production.",
    );
  });
});
