/**
 * `npm run check:instructions [-- --record] [--only core/cancel,engine/cancel] [--repeat N]`
 *
 * The CI gate on the core's and the engine's per-command cost, in instructions rather than
 * time: a count under cachegrind does not move with the machine's load, so it can fail a build
 * without failing it at random (docs/performance.md, "Budget").
 *
 * Bundles `program.ts` and runs it under `valgrind --tool=cachegrind` twice per operation
 * (`operations` below): once doing only the warm-up, once the warm-up and MEASURED more
 * repetitions, both prepared for the same total. Everything the two runs share — start-up,
 * loading, preparing, compiling during the warm-up — cancels out, and
 * (count − warm-up count) / MEASURED is what one repetition costs. Prints every figure against
 * `instructions.json` and exits 1 when one rose more than its tolerance (10 %) above it.
 * `--record` writes the measured figures there instead; `--repeat N` measures each figure N
 * times and prints the spread (to check that the figures repeat).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import {
  anyFell,
  compareFigures,
  formatComparison,
  median,
  type RecordedFigure,
} from "../bench/compare-figures";
import { inheritedEnv } from "../lib/script-env";
import { writeFormattedJson } from "../lib/write-json";

const HERE = import.meta.dirname;
const RECORD_FILE = join(HERE, "instructions.json");

/** Every gated operation (program.ts loads each family on demand). */
const OPERATIONS = ["place-resting", "place-crossing", "cancel", "deposit"].flatMap((name) => [
  `core/${name}`,
  `engine/${name}`,
]);

/** Repetitions run in both programs, long enough for V8 to have optimised the hot path. */
const WARMUP = 2_000;
/** Repetitions counted: enough that a collection more or less moves the figure by little. */
const MEASURED = 10_000;
/** How far a figure may rise above its record before the gate fails. */
const TOLERANCE = 0.1;

/**
 * V8 as repeatable as it gets: no background compiler or collector threads (their work would
 * land in one run and not the other), and no decisions taken from timers or entropy.
 */
const NODE_FLAGS = ["--single-threaded", "--predictable"];
/** Counting instructions only: the cache simulation is several times slower and not used. */
const VALGRIND_FLAGS = ["--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"];

interface InstructionRecord {
  /** What the figures depend on besides the code: they are compared only on the same. */
  arch: string;
  /** Informational: V8 and the C library pick code by processor features, a few % apart. */
  cpu: string;
  node: string;
  valgrind: string;
  nodeFlags: string[];
  warmup: number;
  measured: number;
  recordedAt: string;
  figures: Record<string, RecordedFigure>;
}

interface Options {
  record: boolean;
  only: string[];
  repeat: number;
}

function readOptions(argv: readonly string[]): Options {
  const options: Options = { record: false, only: OPERATIONS, repeat: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--record") options.record = true;
    else if (arg === "--only") options.only = (argv[++i] ?? "").split(",");
    else if (arg === "--repeat") options.repeat = Number(argv[++i]);
    else throw new Error(`unknown argument ${arg}; see the top of scripts/perf/instructions.ts`);
  }
  const unknown = options.only.filter((name) => !OPERATIONS.includes(name));
  if (unknown.length > 0) throw new Error(`unknown operation ${unknown.join(", ")}`);
  if (!Number.isSafeInteger(options.repeat) || options.repeat < 1) {
    throw new Error("--repeat takes a positive integer");
  }
  return options;
}

/**
 * The bundle leaves out what it imports and never calls: the protocol's and the journal's entry
 * points also export the Redis and PostgreSQL clients, whose loading alone would add seconds to
 * every run under valgrind. Marking every module free of side effects lets esbuild drop those.
 */
const dropUnused: Plugin = {
  name: "drop-unused-modules",
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === "resolved") return undefined;
      const { kind, importer, resolveDir } = args;
      const resolved = await builder.resolve(args.path, {
        kind,
        importer,
        resolveDir,
        pluginData: "resolved",
      });
      return resolved.errors.length > 0
        ? { errors: resolved.errors }
        : { ...resolved, sideEffects: false };
    });
  },
};

async function bundleProgram(outdir: string): Promise<string> {
  await build({
    entryPoints: [join(HERE, "program.ts")],
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    outdir,
    plugins: [dropUnused],
    logLevel: "warning",
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: {
      js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
    },
  });
  return join(outdir, "program.js");
}

/** Instructions executed by one run of the program (start-up and exit included). */
async function countInstructions(program: string, args: string[]): Promise<number> {
  const node = [process.execPath, ...NODE_FLAGS, program, ...args];
  const child = spawn("valgrind", [...VALGRIND_FLAGS, ...node], {
    stdio: ["ignore", "ignore", "pipe"],
    // Only the flags above: options from the caller's environment would change the counts.
    env: { ...inheritedEnv(), NODE_OPTIONS: "" },
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr)?.[1];
  if (status !== 0 || refs === undefined) {
    throw new Error(`program ${args.join(" ")} failed (exit ${status}):\n${stderr.slice(-2_000)}`);
  }
  return Number(refs.replaceAll(",", ""));
}

/** Instructions per repetition of one operation, from a warm-up-only run and a measured one. */
async function instructionsPerOperation(program: string, operation: string): Promise<number> {
  const total = String(WARMUP + MEASURED);
  const args = (run: number) => ["--operation", operation, "--total", total, "--run", String(run)];
  const [warm, full] = await Promise.all([
    countInstructions(program, args(WARMUP)),
    countInstructions(program, args(WARMUP + MEASURED)),
  ]);
  return Math.round((full - warm) / MEASURED);
}

/** Runs the tasks, at most `limit` at a time; results in the tasks' order. */
async function runLimited<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  });
  await Promise.all(lanes);
  return results;
}

function valgrindVersion(): string | null {
  const found = spawnSync("valgrind", ["--version"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

function readRecord(): InstructionRecord | null {
  try {
    return JSON.parse(readFileSync(RECORD_FILE, "utf8")) as InstructionRecord;
  } catch {
    return null;
  }
}

function processorModel(): string {
  return cpus()[0]?.model.replace(/\s+/g, " ").trim() ?? "unknown";
}

/** Why recorded figures cannot be compared with this machine's, or null when they can. */
function incomparable(record: InstructionRecord): string | null {
  const major = (version: string) => version.split(".")[0];
  if (record.arch !== process.arch) return `recorded on ${record.arch}, this is ${process.arch}`;
  if (major(record.node) !== major(process.version)) {
    return `recorded with node ${record.node}, this is ${process.version}`;
  }
  return null;
}

async function measureAll(program: string, options: Options): Promise<Record<string, number[]>> {
  // Each operation's pair, `repeat` times over; two runs per core is no faster under valgrind.
  const jobs = options.only.flatMap((operation) =>
    Array.from({ length: options.repeat }, () => operation),
  );
  // A pair is two runs side by side, so a lane holds two cores.
  const lanes = Math.max(1, Math.floor(availableParallelism() / 2));
  const counts = await runLimited(
    jobs.map((operation) => () => instructionsPerOperation(program, operation)),
    lanes,
  );
  const samples: Record<string, number[]> = {};
  jobs.forEach((operation, i) => {
    samples[operation] = [...(samples[operation] ?? []), counts[i] as number];
  });
  return samples;
}

function printSpread(samples: Record<string, number[]>): void {
  for (const [operation, values] of Object.entries(samples)) {
    const spread = (Math.max(...values) - Math.min(...values)) / median(values);
    console.log(`${operation}: ${values.join(", ")} (spread ${(spread * 100).toFixed(2)} %)`);
  }
}

function writeRecord(measured: Record<string, number>, previous: InstructionRecord | null): void {
  const figures: Record<string, RecordedFigure> = {};
  for (const operation of OPERATIONS) {
    const value = measured[operation] ?? previous?.figures[operation]?.value;
    if (value !== undefined) figures[operation] = { value, better: "lower", tolerance: TOLERANCE };
  }
  const record: InstructionRecord = {
    arch: process.arch,
    cpu: processorModel(),
    node: process.version,
    valgrind: valgrindVersion() ?? "",
    nodeFlags: NODE_FLAGS,
    warmup: WARMUP,
    measured: MEASURED,
    recordedAt: new Date().toISOString().slice(0, 10),
    figures,
  };
  writeFormattedJson(RECORD_FILE, record);
  console.log(`recorded ${Object.keys(measured).length} figures in ${RECORD_FILE}`);
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  if (valgrindVersion() === null) {
    console.error("check:instructions needs valgrind (Debian: apt-get install valgrind)");
    return 1;
  }
  const record = readRecord();
  const outdir = mkdtempSync(join(tmpdir(), "instructions-"));
  const started = Date.now();
  try {
    const program = await bundleProgram(outdir);
    const samples = await measureAll(program, options);
    if (options.repeat > 1) printSpread(samples);
    const measured = Object.fromEntries(
      Object.entries(samples).map(([operation, values]) => [operation, median(values)]),
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`instructions per operation (${NODE_FLAGS.join(" ")}; ${seconds} s):`);
    if (options.record) {
      writeRecord(measured, record);
      return 0;
    }
    return judge(measured, record, options);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Prints the figures against the record; 1 when one rose beyond its tolerance. */
function judge(
  measured: Record<string, number>,
  record: InstructionRecord | null,
  options: Options,
): number {
  if (record === null) {
    console.log(JSON.stringify(measured, null, 2));
    console.error(`no ${RECORD_FILE}: run with --record to make one`);
    return 1;
  }
  const recorded = Object.fromEntries(
    Object.entries(record.figures).filter(([operation]) => options.only.includes(operation)),
  );
  const rows = compareFigures(recorded, measured);
  console.log(formatComparison(rows));
  if (record.cpu !== processorModel()) {
    console.log(
      `recorded on ${record.cpu}, this is ${processorModel()}: counts may differ a little`,
    );
  }
  const reason = incomparable(record);
  if (reason !== null) {
    console.log(`not gated: ${reason}; re-record on this machine class to gate here`);
    return 0;
  }
  if (anyFell(rows) || rows.some((row) => row.verdict === "missing")) {
    console.error(
      `instructions per operation rose more than ${TOLERANCE * 100} % above the record. If the ` +
        "rise is intended, re-record (docs/performance.md, Budget) and say why in the commit.",
    );
    return 1;
  }
  return 0;
}

process.exitCode = await main();
