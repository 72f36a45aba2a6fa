import { statfs } from "node:fs/promises";
import { freemem, totalmem } from "node:os";
import { z } from "zod";

/**
 * A process's vitals, carried by its heartbeat so the System page can judge seed 003 §8's
 * figures without a Prometheus server: CPU and memory of the process and its host, the disk
 * under its working directory, and, from its own metrics registry, what it answered since the
 * previous beat. Sampled once per beat (every 2 s), never on a request's path.
 */

export const ZRequestVitals = z.object({
  /** Requests answered over the last REQUEST_WINDOW_MS. */
  answered: z.number().int().nonnegative(),
  /** Of those, server errors (tRPC INTERNAL_SERVER_ERROR, HTTP 5xx). */
  serverErrors: z.number().int().nonnegative(),
  /** The 95th-percentile latency over the window (see `bucketPercentile`); null: none. */
  p95Ms: z.number().nonnegative().nullable(),
});

export const ZProcessVitals = z.object({
  /** CPU time used since the previous beat over wall time: 1 is one core fully busy. */
  cpuShare: z.number().nonnegative(),
  rssBytes: z.number().nonnegative(),
  /** The host's memory in use, 0…1. */
  hostMemoryShare: z.number().min(0).max(1),
  /** The disk holding the working directory, used share 0…1; null when unreadable. */
  diskShare: z.number().min(0).max(1).nullable(),
  requests: ZRequestVitals.optional(),
  /** The engine's command latency p95 (seed 003's message processing delay), ms. */
  commandP95Ms: z.number().nonnegative().nullable().optional(),
  /** The engine's journal write p95 (seed 003's database query time), ms. */
  journalWriteP95Ms: z.number().nonnegative().nullable().optional(),
});
export type ProcessVitals = z.infer<typeof ZProcessVitals>;
export type RequestVitals = z.infer<typeof ZRequestVitals>;

/** One value of a series as prom-client's `metric.get()` gives it. */
export interface SeriesValue {
  value: number;
  labels: Record<string, string | number | undefined>;
  metricName?: string;
}

/** Cumulative counts by upper bound (`le`, +Inf as Infinity), summed over every label set. */
export type BucketCounts = ReadonlyMap<number, number>;

/** The `_bucket` values of a histogram, summed by bound over its label sets (routes, procedures). */
export function bucketCounts(values: readonly SeriesValue[]): BucketCounts {
  const counts = new Map<number, number>();
  for (const v of values) {
    if (v.metricName !== undefined && !v.metricName.endsWith("_bucket")) continue;
    const le = v.labels.le;
    if (le === undefined) continue;
    const bound = le === "+Inf" ? Number.POSITIVE_INFINITY : Number(le);
    counts.set(bound, (counts.get(bound) ?? 0) + v.value);
  }
  return counts;
}

/**
 * What each bucket gained since `before`. A count that went down means the registry was reset
 * (a test, a restart in place): then all of `now` is new.
 */
export function bucketDelta(now: BucketCounts, before: BucketCounts | undefined): BucketCounts {
  const reset = before !== undefined && [...now].some(([le, n]) => n < (before.get(le) ?? 0));
  const delta = new Map<number, number>();
  for (const [le, n] of now) delta.set(le, reset ? n : n - (before?.get(le) ?? 0));
  return delta;
}

/**
 * The `q` quantile (0…1) of cumulative bucket counts, taken as the upper bound of the first
 * bucket holding it: never below the true value, at most one bucket above. When it falls in
 * the +Inf bucket the largest finite bound is given (the value is at least that). Null when
 * nothing was observed.
 */
export function bucketPercentile(counts: BucketCounts, q: number): number | null {
  const bounds = [...counts.keys()].sort((a, b) => a - b);
  const total = Math.max(0, ...counts.values());
  if (total === 0) return null;
  const wanted = q * total;
  const bound = bounds.find((le) => (counts.get(le) ?? 0) >= wanted) ?? Number.POSITIVE_INFINITY;
  if (Number.isFinite(bound)) return bound;
  return bounds.filter(Number.isFinite).at(-1) ?? null;
}

/** The sum of a counter's values, and of those a predicate picks (server errors). */
export function counterTotals(
  values: readonly SeriesValue[],
  isError: (labels: SeriesValue["labels"]) => boolean,
): { total: number; errors: number } {
  let total = 0;
  let errors = 0;
  for (const v of values) {
    total += v.value;
    if (isError(v.labels)) errors += v.value;
  }
  return { total, errors };
}

/** A counter's gain since a reading; a smaller reading means a reset. */
export function counterDelta(now: number, before: number | undefined): number {
  return before === undefined || now < before ? now : now - before;
}

/** The registry as far as vitals need it: prom-client's `Registry` fits. */
export interface RegistryLike {
  getSingleMetric(name: string): { get(): Promise<{ values: SeriesValue[] }> } | undefined;
}

/** Where metrics.ts keeps the process's registry (a global symbol, so bundles share it). */
export const PROCESS_METRICS_SYMBOL = Symbol.for("exchange.process-metrics");

/** The registry this process started, if any (read without loading prom-client here). */
function processRegistry(): RegistryLike | undefined {
  const holder = globalThis as { [PROCESS_METRICS_SYMBOL]?: { registry: RegistryLike } };
  return holder[PROCESS_METRICS_SYMBOL]?.registry;
}

/** The request series a process may have: tRPC (web, admin) and the gateway's HTTP. */
const REQUEST_SERIES = [
  {
    histogram: "exchange_trpc_request_seconds",
    counter: "exchange_trpc_requests_total",
    isError: (labels: SeriesValue["labels"]) => labels.code === "INTERNAL_SERVER_ERROR",
  },
  {
    histogram: "exchange_gateway_request_seconds",
    counter: "exchange_gateway_requests_total",
    isError: (labels: SeriesValue["labels"]) => Number(labels.status) >= 500,
  },
] as const;
const COMMAND_LATENCY = "exchange_engine_command_latency_seconds";
const JOURNAL_WRITE = "exchange_engine_journal_write_seconds";

const P95 = 0.95;

/**
 * How far back request figures look. A beat's 2 s often holds no request at all (an idle
 * console polls every 5 s), so answers, errors and latency are taken over the last minute of
 * beats: against the newest reading at least this old (or the oldest kept).
 */
export const REQUEST_WINDOW_MS = 60_000;

/** Feeds a reading taken at `at` and answers the one to measure it against. */
type SlidingBaseline<T> = (at: number, reading: T) => T;

/** Keeps the readings of the last window and answers the one at its start. */
export function slidingBaseline<T>(windowMs: number): SlidingBaseline<T> {
  const readings: Array<{ at: number; reading: T }> = [];
  return (at, reading) => {
    readings.push({ at, reading });
    while (readings.length > 1 && (readings[1]?.at ?? at) <= at - windowMs) readings.shift();
    return readings[0]?.reading ?? reading;
  };
}

/**
 * Samples this process's vitals: CPU against the previous sample, request figures over the
 * window (`REQUEST_WINDOW_MS`); the first sample's CPU covers the time since it was made.
 */
export function createVitalsSampler(
  options: {
    registry?: () => RegistryLike | undefined;
    directory?: string;
    windowMs?: number;
  } = {},
) {
  const registryOf = options.registry ?? processRegistry;
  const directory = options.directory ?? process.cwd();
  const windowMs = options.windowMs ?? REQUEST_WINDOW_MS;
  let cpuBefore = process.cpuUsage();
  let wallBefore = performance.now();
  const bucketsBefore = new Map<string, SlidingBaseline<BucketCounts>>();
  const countersBefore = new Map<string, SlidingBaseline<number>>();
  const baselineOf = <T>(baselines: Map<string, SlidingBaseline<T>>, name: string) => {
    let baseline = baselines.get(name);
    if (!baseline) {
      baseline = slidingBaseline<T>(windowMs);
      baselines.set(name, baseline);
    }
    return baseline;
  };

  const histogramP95 = async (registry: RegistryLike, name: string) => {
    const metric = registry.getSingleMetric(name);
    if (!metric) return undefined;
    const now = bucketCounts((await metric.get()).values);
    const delta = bucketDelta(now, baselineOf(bucketsBefore, name)(performance.now(), now));
    const seconds = bucketPercentile(delta, P95);
    return seconds === null ? null : seconds * 1_000;
  };

  const counterGain = async (
    registry: RegistryLike,
    name: string,
    isError: (labels: SeriesValue["labels"]) => boolean,
  ) => {
    const metric = registry.getSingleMetric(name);
    if (!metric) return { answered: 0, serverErrors: 0 };
    const { total, errors } = counterTotals((await metric.get()).values, isError);
    const at = performance.now();
    const answered = counterDelta(total, baselineOf(countersBefore, name)(at, total));
    const serverErrors = counterDelta(
      errors,
      baselineOf(countersBefore, `${name}:errors`)(at, errors),
    );
    return { answered, serverErrors };
  };

  const requests = async (registry: RegistryLike): Promise<RequestVitals | undefined> => {
    let found: RequestVitals | undefined;
    for (const series of REQUEST_SERIES) {
      const p95 = await histogramP95(registry, series.histogram);
      if (p95 === undefined) continue;
      const gain = await counterGain(registry, series.counter, series.isError);
      // A process has one kind of request series; were there two, the slower p95 stands.
      found = {
        answered: (found?.answered ?? 0) + gain.answered,
        serverErrors: (found?.serverErrors ?? 0) + gain.serverErrors,
        p95Ms: p95 === null ? (found?.p95Ms ?? null) : Math.max(p95, found?.p95Ms ?? 0),
      };
    }
    return found;
  };

  return async function sample(): Promise<ProcessVitals> {
    const wallNow = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = Math.max(wallNow - wallBefore, 1);
    cpuBefore = process.cpuUsage();
    wallBefore = wallNow;
    const vitals: ProcessVitals = {
      cpuShare: (cpu.user + cpu.system) / 1_000 / wallMs,
      rssBytes: process.memoryUsage.rss(),
      hostMemoryShare: clampShare(1 - freemem() / totalmem()),
      diskShare: await diskShare(directory),
    };
    const registry = registryOf();
    if (!registry) return vitals;
    const answered = await requests(registry);
    if (answered) vitals.requests = answered;
    const command = await histogramP95(registry, COMMAND_LATENCY);
    if (command !== undefined) vitals.commandP95Ms = command;
    const journal = await histogramP95(registry, JOURNAL_WRITE);
    if (journal !== undefined) vitals.journalWriteP95Ms = journal;
    return vitals;
  };
}

/** Used over usable, as `df` counts it (blocks kept for root are not usable). */
async function diskShare(directory: string): Promise<number | null> {
  try {
    const fs = await statfs(directory);
    const used = fs.blocks - fs.bfree;
    const usable = used + fs.bavail;
    return usable > 0 ? clampShare(used / usable) : null;
  } catch {
    return null;
  }
}

function clampShare(share: number): number {
  return Math.min(Math.max(share, 0), 1);
}
