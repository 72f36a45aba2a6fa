/**
 * Checks of the monitoring files in `ops/prometheus`. `promtool`: the alert rules parse and
 * their expressions are valid (`check rules`), the local scrape configuration is valid
 * (`check config`), and the rules' unit tests pass (`test rules`). `amtool`: the AlertManager
 * configuration that mails the alerts is valid (`check-config`). CI installs both (Debian's
 * `prometheus` and `prometheus-alertmanager`, see .ci/run); a machine without one skips its
 * checks, saying so, unless CI is set.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const PROMETHEUS_DIR = join(import.meta.dirname, "..", "ops", "prometheus");

interface Tool {
  command: string;
  debianPackage: string;
  checks: string[][];
}

const TOOLS: Tool[] = [
  {
    command: "promtool",
    debianPackage: "prometheus",
    checks: [
      ["check", "rules", "alerts.yml"],
      ["check", "config", "prometheus.yml"],
      ["test", "rules", "alerts.test.yml"],
    ],
  },
  {
    command: "amtool",
    debianPackage: "prometheus-alertmanager",
    checks: [["check-config", "alertmanager.yml"]],
  },
];

function installed(command: string): boolean {
  return spawnSync(command, ["--version"], { stdio: "ignore" }).status === 0;
}

/** Runs the tool's checks; a missing tool fails in CI and is skipped elsewhere. */
function runChecks(tool: Tool): void {
  if (!installed(tool.command)) {
    if (process.env.CI) {
      console.error(
        `${tool.command} is missing: CI must check ops/prometheus (apt-get install ${tool.debianPackage})`,
      );
      process.exit(1);
    }
    console.log(
      `SKIPPED: ${tool.command} is not installed, so its checks of ops/prometheus do not run here ` +
        `(apt-get install -y ${tool.debianPackage}; CI installs it and runs this check)`,
    );
    return;
  }
  for (const args of tool.checks) {
    console.log(`${tool.command} ${args.join(" ")}`);
    const { status } = spawnSync(tool.command, args, { cwd: PROMETHEUS_DIR, stdio: "inherit" });
    if (status !== 0) process.exit(status ?? 1);
  }
}

for (const tool of TOOLS) runChecks(tool);
