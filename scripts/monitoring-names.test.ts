/**
 * The alert rules and the Grafana dashboard name only series the processes serve: each
 * `exchange_*` name they use is registered somewhere in the source (without its prefix, as
 * packages/protocol/src/metrics.ts takes it) or is one of prom-client's default process series.
 * A renamed series fails here, not silently on a dashboard nobody looks at until the night it
 * matters.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

/** prom-client's default series (collectDefaultMetrics), prefixed `exchange_` by the helper. */
const DEFAULT_SERIES = [
  "process_cpu_seconds_total",
  "process_resident_memory_bytes",
  "nodejs_eventloop_lag_p99_seconds",
  "nodejs_gc_duration_seconds",
];

/** A histogram's `_bucket`, `_sum` and `_count` are the histogram's. */
const seriesOf = (name: string) => name.replace(/_(bucket|sum|count)$/, "");

function namesIn(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...new Set([...text.matchAll(/\bexchange_([a-z0-9_]+)/g)].map((m) => m[1] ?? ""))];
}

function registered(name: string): boolean {
  if (DEFAULT_SERIES.includes(name)) return true;
  try {
    execFileSync("git", ["grep", "-q", "-F", `"${name}"`, "--", "apps", "packages"], { cwd: ROOT });
    return true;
  } catch {
    return false;
  }
}

describe("the monitoring files", () => {
  for (const file of ["ops/prometheus/alerts.yml", "ops/grafana/exchange.json"]) {
    it(`${file} uses only series the processes serve`, () => {
      const names = namesIn(file).map(seriesOf);
      expect(names.length).toBeGreaterThan(5);
      expect(names.filter((name) => !registered(name))).toEqual([]);
    });
  }
});
