/**
 * `npm test`: everything CI checks, in order of cost — lint and format, boundaries
 * (scripts/check-boundaries.ts), types, the Prometheus rules, scrape and AlertManager
 * configuration (scripts/check-prometheus.ts, promtool and amtool), unit and integration tests
 * (vitest.config.ts), the instructions each core command and the engine's per-command path cost against their record
 * (scripts/perf/instructions.ts), then the end-to-end journeys (scripts/e2e.ts).
 * Stops at the first failing step.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { inheritedEnv } from "./lib/script-env";

const ROOT = join(import.meta.dirname, "..");

const STEPS: Array<[title: string, command: string, args: string[]]> = [
  ["lint and format", "npx", ["biome", "ci", "."]],
  ["boundaries", "npm", ["run", "--silent", "check:boundaries"]],
  ["types", "npx", ["turbo", "run", "typecheck", "--ui=stream"]],
  ["types (scripts)", "npx", ["tsc", "-p", "tsconfig.json"]],
  [
    "alert rules, scrape and AlertManager configuration",
    "npx",
    ["tsx", "scripts/check-prometheus.ts"],
  ],
  ["unit and integration tests", "npx", ["vitest", "run"]],
  ["instructions per operation", "npm", ["run", "--silent", "check:instructions"]],
  ["end-to-end tests", "npx", ["tsx", "scripts/e2e.ts"]],
];

for (const [title, command, args] of STEPS) {
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const { status } = spawnSync(command, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...inheritedEnv(), NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" },
  });
  console.log(
    `━━ ${title}: ${status === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (status !== 0) process.exit(status ?? 1);
}
