/**
 * `npm run bench:check [-- --runs N] [--only core,engine] [--record] [--strict] [--verbose]`
 *
 * Runs every benchmark in a short mode, N times each (3 by default), takes each figure's median
 * over the runs (the figures are the numbers of a benchmark's last line, one JSON object), and
 * compares them with `baseline.json`, recorded for this machine class: prints every figure,
 * what fell beyond its tolerance and by how much. For people and release checks, not CI:
 * wall-clock figures on a shared machine move by tens of percent between runs, so this exits 0
 * unless `--strict` is given. CI gates instruction counts instead (scripts/perf/instructions.ts).
 *
 * `--record` writes this run's medians into the baseline for this machine class, keeping each
 * figure's direction and tolerance (edit those in the file). `--verbose` shows each run's output.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { join } from "node:path";
import { inheritedEnv } from "../lib/script-env";
import { writeFormattedJson } from "../lib/write-json";
import {
  compareFigures,
  formatComparison,
  inferBetter,
  medianFigures,
  type RecordedFigure,
  recordFigures,
} from "./compare-figures";

const ROOT = join(import.meta.dirname, "..", "..");
const BASELINE_FILE = join(import.meta.dirname, "baseline.json");
/** A run that takes longer than this is stuck (a benchmark that never exits): it is stopped. */
const RUN_TIMEOUT_MS = 10 * 60_000;
/** How long a benchmark may stay silent after printing its figures before it is stopped. */
const SILENCE_AFTER_FIGURES_MS = 60_000;

interface Benchmark {
  /** Prefix of its figures in the baseline: `engine.ordersPerSec`. */
  name: string;
  /** The npm script; a benchmark whose script does not exist (yet) is skipped. */
  script: string;
  /** Arguments after `--`, for benchmarks whose knobs are arguments. */
  args: string[];
  /** The short mode's knobs. Every run also gets BENCH_SHORT=1 for phases without a knob. */
  env: Record<string, string>;
  /** Numbers it prints that describe the run or another program, not this product. */
  ignored: string[];
}

/**
 * The benchmarks and their short modes: a few seconds to a minute of measuring each, enough
 * for a median that shows a step back of tens of percent, not a fine difference.
 */
const BENCHMARKS: Benchmark[] = [
  {
    name: "core",
    script: "bench:core",
    args: ["--ops", "200000", "--rounds", "3"],
    env: {},
    // The reference order book's speed measures the machine, not this code.
    ignored: ["nobOpsPerSec"],
  },
  {
    name: "engine",
    script: "bench:engine",
    args: [],
    env: { BENCH_COMMANDS: "50000", BENCH_JOURNAL_COMMANDS: "200000" },
    ignored: [],
  },
  { name: "api", script: "bench:api", args: [], env: { BENCH_SECONDS: "5" }, ignored: [] },
  {
    name: "ws",
    script: "bench:ws",
    args: [],
    env: { BENCH_WS_SECONDS: "8" },
    // The rate of trades it drives is a setting, not a result.
    ignored: ["tradesPerSec"],
  },
  { name: "projector", script: "bench:projector", args: [], env: {}, ignored: [] },
  {
    name: "perps",
    script: "bench:perps",
    // Its full size takes a few seconds: no short mode needed.
    args: [],
    env: {},
    // The full scan is the reference the index avoids: it measures the machine, not this code.
    ignored: ["fullScanMs"],
  },
];

interface Options {
  runs: number;
  only: string[] | null;
  record: boolean;
  strict: boolean;
  verbose: boolean;
}

/** Baselines by machine class: figures from one class say nothing about another. */
interface BaselineFile {
  machines: Record<string, MachineBaseline>;
}

interface MachineBaseline {
  node: string;
  recordedAt: string;
  runs: number;
  figures: Record<string, RecordedFigure>;
}

function readOptions(argv: readonly string[]): Options {
  const options: Options = { runs: 3, only: null, record: false, strict: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--runs") options.runs = Number(argv[++i]);
    else if (arg === "--only") options.only = (argv[++i] ?? "").split(",");
    else if (arg === "--record") options.record = true;
    else if (arg === "--strict") options.strict = true;
    else if (arg === "--verbose") options.verbose = true;
    else throw new Error(`unknown argument ${arg}; see the top of scripts/bench/check.ts`);
  }
  if (!Number.isSafeInteger(options.runs) || options.runs < 1) {
    throw new Error("--runs takes a positive integer");
  }
  const unknown = (options.only ?? []).filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(", ")}`);
  return options;
}

/**
 * The class of machine the figures belong to: its architecture, cores and processor model.
 * BENCH_MACHINE_CLASS names it instead, for machines of one kind whose model strings differ.
 */
function machineClass(): string {
  const named = inheritedEnv().BENCH_MACHINE_CLASS;
  if (named) return named;
  const model = cpus()[0]?.model.replace(/\s+/g, " ").trim() ?? "unknown processor";
  return `${process.arch}, ${availableParallelism()} cores, ${model}`;
}

function readBaseline(): BaselineFile {
  if (!existsSync(BASELINE_FILE)) return { machines: {} };
  return JSON.parse(readFileSync(BASELINE_FILE, "utf8")) as BaselineFile;
}

function scriptExists(script: string): boolean {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  return pkg.scripts?.[script] !== undefined;
}

/** One run of a benchmark: its last line's JSON object, or why there is none. */
async function runOnce(
  benchmark: Benchmark,
  verbose: boolean,
): Promise<Record<string, unknown> | Error> {
  const args = ["run", "--silent", benchmark.script];
  if (benchmark.args.length > 0) args.push("--", ...benchmark.args);
  // Its own process group, so a benchmark that leaves servers behind can be stopped whole.
  const child = spawn("npm", args, {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", verbose ? "inherit" : "pipe"],
    env: { ...inheritedEnv(), ...benchmark.env, BENCH_SHORT: "1" },
  });
  let stdout = "";
  let stderr = "";
  const stopGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  // A benchmark that printed its figures and then stays silent is done but not exiting (a
  // server it started keeps it alive): its figures stand, and its group is stopped.
  let afterFigures: NodeJS.Timeout | undefined;
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (verbose) process.stdout.write(chunk);
    clearTimeout(afterFigures);
    if (lastJsonLine(stdout) !== null) {
      afterFigures = setTimeout(() => stopGroup("SIGTERM"), SILENCE_AFTER_FIGURES_MS);
    }
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => stopGroup("SIGKILL"), RUN_TIMEOUT_MS);
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearTimeout(timer);
  clearTimeout(afterFigures);
  // Whatever the benchmark left running (a web server it failed to stop) goes with it.
  stopGroup("SIGTERM");
  return lastJsonLine(stdout) ?? new Error(`exit ${status}, no JSON last line\n${tail(stderr)}`);
}

function lastJsonLine(stdout: string): Record<string, unknown> | null {
  const last = stdout.trimEnd().split("\n").pop() ?? "";
  try {
    const parsed: unknown = JSON.parse(last);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function tail(text: string): string {
  return text.trimEnd().split("\n").slice(-15).join("\n");
}

/** A benchmark's figures, named `<benchmark>.<figure>`: medians over the runs that succeeded. */
async function measure(benchmark: Benchmark, options: Options): Promise<Record<string, number>> {
  const runs: Record<string, unknown>[] = [];
  for (let n = 1; n <= options.runs; n++) {
    const started = Date.now();
    const result = await runOnce(benchmark, options.verbose);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    if (result instanceof Error) {
      console.log(`${benchmark.name} run ${n}/${options.runs}: FAILED after ${seconds} s`);
      console.log(result.message);
      continue;
    }
    console.log(
      `${benchmark.name} run ${n}/${options.runs}: ${seconds} s ${JSON.stringify(result)}`,
    );
    runs.push(result);
  }
  const medians = medianFigures(runs);
  return Object.fromEntries(
    Object.entries(medians)
      .filter(([figure]) => !benchmark.ignored.includes(figure))
      .map(([figure, value]) => [`${benchmark.name}.${figure}`, value]),
  );
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  const selected = BENCHMARKS.filter((b) => options.only?.includes(b.name) ?? true);
  const machine = machineClass();
  console.log(`machine class: ${machine}; ${options.runs} runs per benchmark, short mode`);
  const measured: Record<string, number> = {};
  const ran: Benchmark[] = [];
  for (const benchmark of selected) {
    if (!scriptExists(benchmark.script)) {
      console.log(`${benchmark.name}: no npm script ${benchmark.script}, skipped`);
      continue;
    }
    ran.push(benchmark);
    Object.assign(measured, await measure(benchmark, options));
  }
  const baseline = readBaseline();
  const recorded = baseline.machines[machine];
  if (options.record) {
    record(baseline, machine, measured, options.runs);
    return 0;
  }
  if (recorded === undefined) {
    console.log(`no figures recorded for ${machine}; measured:`);
    console.log(JSON.stringify(measured, null, 2));
    console.log("run with --record to record them");
    return 0;
  }
  const prefixes = ran.map((b) => `${b.name}.`);
  const relevant = Object.fromEntries(
    Object.entries(recorded.figures).filter(([name]) => prefixes.some((p) => name.startsWith(p))),
  );
  // Numbers that describe the run (clients, seconds) are not figures, recorded or not.
  const rows = compareFigures(relevant, measured).filter(
    (row) => row.verdict !== "unrecorded" || inferBetter(row.name) !== null,
  );
  console.log(`\nmedians against the figures recorded on ${recorded.recordedAt}:`);
  console.log(formatComparison(rows));
  const fell = rows.filter((row) => row.verdict === "fell" || row.verdict === "missing");
  console.log(
    fell.length === 0
      ? "nothing fell beyond its tolerance"
      : `${fell.length} figure(s) fell or are missing: ${fell.map((row) => row.name).join(", ")}`,
  );
  return options.strict && fell.length > 0 ? 1 : 0;
}

function record(
  baseline: BaselineFile,
  machine: string,
  measured: Record<string, number>,
  runs: number,
): void {
  const previous = baseline.machines[machine]?.figures ?? {};
  const ignored = BENCHMARKS.flatMap((b) => b.ignored.map((figure) => `${b.name}.${figure}`));
  baseline.machines[machine] = {
    node: process.version,
    recordedAt: new Date().toISOString().slice(0, 10),
    runs,
    figures: recordFigures(previous, measured, ignored),
  };
  writeFormattedJson(BASELINE_FILE, baseline);
  console.log(
    `recorded ${Object.keys(measured).length} medians for ${machine} in ${BASELINE_FILE}`,
  );
}

process.exitCode = await main();
