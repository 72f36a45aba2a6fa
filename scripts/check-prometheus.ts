/**
 * `promtool` checks of the monitoring files in `ops/prometheus`: the alert rules parse and
 * their expressions are valid (`check rules`), the local scrape configuration is valid
 * (`check config`), and the rules' unit tests pass (`test rules`). CI installs promtool
 * (Debian's `prometheus`, see .ci/run); a machine without it skips, saying so, unless CI is set.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const PROMETHEUS_DIR = join(import.meta.dirname, "..", "ops", "prometheus");

const CHECKS: string[][] = [
  ["check", "rules", "alerts.yml"],
  ["check", "config", "prometheus.yml"],
  ["test", "rules", "alerts.test.yml"],
];

function promtoolInstalled(): boolean {
  return spawnSync("promtool", ["--version"], { stdio: "ignore" }).status === 0;
}

if (!promtoolInstalled()) {
  if (process.env.CI) {
    console.error(
      "promtool is missing: CI must check the alert rules (apt-get install prometheus)",
    );
    process.exit(1);
  }
  console.log(
    "SKIPPED: promtool is not installed, so ops/prometheus is not checked here " +
      "(apt-get install -y prometheus; CI installs it and runs this check)",
  );
  process.exit(0);
}

for (const args of CHECKS) {
  console.log(`promtool ${args.join(" ")}`);
  const { status } = spawnSync("promtool", args, { cwd: PROMETHEUS_DIR, stdio: "inherit" });
  if (status !== 0) process.exit(status ?? 1);
}
