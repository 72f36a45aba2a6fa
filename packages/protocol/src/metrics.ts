/**
 * The one way every process serves Prometheus metrics (prom-client). Each process makes one
 * `ProcessMetrics`: its own registry, every series labelled `app` (web, admin, engine, …), the
 * default process series (CPU, memory, event-loop lag, GC, handles) and the process's own ones,
 * all named `exchange_<area>_<what>_<unit>` (`exchange_engine_batch_size_commands`,
 * `exchange_trpc_requests_total`). A name that breaks the convention throws at start-up, so a
 * dashboard or an alert never has to guess. Rates (orders per second) are PromQL `rate()` of
 * the counters.
 */
import {
  AggregatorRegistry,
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  type Registry,
  Registry as RegistryClass,
} from "prom-client";
import { PROCESS_METRICS_SYMBOL } from "./process-vitals";

export type { Counter, Gauge, Histogram, Registry };
export { AggregatorRegistry };

/** Every series' name starts with this. */
export const METRIC_PREFIX = "exchange_";

/** Units a name may end with (Prometheus' base units, or what is counted). */
const UNIT_SUFFIXES = [
  "_total",
  "_seconds",
  "_bytes",
  "_ratio",
  "_commands",
  "_events",
  "_connections",
  "_entries",
  "_info",
  "_seq",
  "_requests",
  "_passes",
] as const;

/** `<area>_<what>_<unit>` after the prefix: lower-case words joined by underscores. */
const NAME_SHAPE = /^[a-z][a-z0-9]*(_[a-z0-9]+){2,}$/;

/** Latency buckets in seconds, from a fast API answer (1 ms) to a slow one (10 s). */
export const LATENCY_BUCKETS_SECONDS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
] as const;

/** Buckets for things that take minutes to hours (a withdrawal from request to chain). */
export const PROCESSING_BUCKETS_SECONDS = [
  1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400,
] as const;

/**
 * Checks a series name against the convention and returns it with the prefix. Counters end in
 * `_total`; the rest end in a unit or in what they count.
 */
export function metricName(name: string, kind: "counter" | "gauge" | "histogram"): string {
  const problem = !NAME_SHAPE.test(name)
    ? "must be <area>_<what>_<unit> in lower case"
    : kind === "counter" && !name.endsWith("_total")
      ? "a counter's name ends in _total"
      : kind !== "counter" && name.endsWith("_total")
        ? "only a counter's name ends in _total"
        : !UNIT_SUFFIXES.some((unit) => name.endsWith(unit))
          ? `must end in a unit (${UNIT_SUFFIXES.join(", ")})`
          : undefined;
  if (problem) throw new Error(`metric ${name}: ${problem}`);
  return `${METRIC_PREFIX}${name}`;
}

interface SeriesOptions<L extends string> {
  /** Without the `exchange_` prefix, e.g. `engine_commands_total`. */
  name: string;
  help: string;
  labelNames?: readonly L[];
}

export interface HistogramOptions<L extends string> extends SeriesOptions<L> {
  buckets?: readonly number[];
}

export interface GaugeOptions<L extends string> extends SeriesOptions<L> {
  /** Called at each scrape: for figures read from elsewhere (a pool, a socket set). */
  collect?: (gauge: Gauge<L>) => void | Promise<void>;
}

/** A process's registry and the factories of its series. */
export interface ProcessMetrics {
  readonly app: string;
  readonly registry: Registry;
  counter<L extends string = never>(options: SeriesOptions<L>): Counter<L>;
  gauge<L extends string = never>(options: GaugeOptions<L>): Gauge<L>;
  histogram<L extends string = never>(options: HistogramOptions<L>): Histogram<L>;
  /** The Prometheus text of every series, as `/metrics` answers it. */
  render(): Promise<string>;
}

export interface ProcessMetricsOptions {
  /** Off in unit tests that look at a few series only; on in every process. */
  defaultMetrics?: boolean;
}

/**
 * A fresh registry labelled `app`, with the default process series. A factory called again
 * with a name already registered returns that series, so code built twice in one process (two
 * consumer boards in a test, a Next.js module bundled twice) shares it instead of failing.
 */
export function createProcessMetrics(
  app: string,
  { defaultMetrics = true }: ProcessMetricsOptions = {},
): ProcessMetrics {
  const registry = new RegistryClass();
  registry.setDefaultLabels({ app });
  if (defaultMetrics) collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const registers = [registry];
  const existing = <T>(name: string) => registry.getSingleMetric(name) as T | undefined;
  return {
    app,
    registry,
    counter<L extends string>({ name, help, labelNames = [] }: SeriesOptions<L>) {
      const full = metricName(name, "counter");
      return (
        existing<Counter<L>>(full) ?? new Counter<L>({ name: full, help, labelNames, registers })
      );
    },
    gauge<L extends string>({ name, help, labelNames = [], collect }: GaugeOptions<L>) {
      const full = metricName(name, "gauge");
      return (
        existing<Gauge<L>>(full) ??
        new Gauge<L>({
          name: full,
          help,
          labelNames,
          registers,
          ...(collect ? { collect: collectWith(collect) } : {}),
        })
      );
    },
    histogram<L extends string>({ name, help, labelNames = [], buckets }: HistogramOptions<L>) {
      const full = metricName(name, "histogram");
      return (
        existing<Histogram<L>>(full) ??
        new Histogram<L>({
          name: full,
          help,
          labelNames,
          buckets: [...(buckets ?? LATENCY_BUCKETS_SECONDS)],
          registers,
        })
      );
    },
    render: () => registry.metrics(),
  };
}

/** prom-client calls `collect` with the gauge as `this`. */
function collectWith<L extends string>(collect: (gauge: Gauge<L>) => void | Promise<void>) {
  return function (this: Gauge<L>) {
    return collect(this);
  };
}

/** Where the process's registry lives: on `globalThis`, so a module bundled twice finds it. */
const PROCESS_METRICS = PROCESS_METRICS_SYMBOL;
type WithProcessMetrics = typeof globalThis & { [PROCESS_METRICS]?: ProcessMetrics };

/**
 * Names this process (`web`, `worker`, …) and starts its registry with the default series.
 * Call once at start, before anything records; later calls return the same registry.
 */
export function startProcessMetrics(app: string): ProcessMetrics {
  const holder = globalThis as WithProcessMetrics;
  holder[PROCESS_METRICS] ??= createProcessMetrics(app);
  return holder[PROCESS_METRICS];
}

/**
 * The process's registry, for code shared by several processes (a domain's business figures,
 * the tRPC procedures). In a test that started none, a quiet one labelled `app="test"`.
 */
export function processMetrics(): ProcessMetrics {
  const holder = globalThis as WithProcessMetrics;
  holder[PROCESS_METRICS] ??= createProcessMetrics("test", { defaultMetrics: false });
  return holder[PROCESS_METRICS];
}

/** The exposition format's content type, as prom-client writes it. */
export const METRICS_CONTENT_TYPE = new RegistryClass().contentType;

/** Seconds since `startedMs` (a `performance.now()` reading), for a histogram. */
export function secondsSince(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}

/** What a `pg.Pool` tells of itself (duck-typed: the protocol package does not import pg). */
export interface PoolFigures {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Each registry's pools by name, read by its two pool gauges at every scrape. */
const poolSources = new WeakMap<Registry, Map<string, () => PoolFigures>>();

/**
 * Adds a database pool to the process's figures, read at each scrape: connections open and
 * idle, and queries waiting for one (a pool too small for its load shows here before latency
 * does). A second pool of the same name replaces the first.
 */
export function observeDbPool(metrics: ProcessMetrics, pool: string, figures: () => PoolFigures) {
  let sources = poolSources.get(metrics.registry);
  if (!sources) {
    sources = new Map();
    poolSources.set(metrics.registry, sources);
    registerPoolGauges(metrics, sources);
  }
  sources.set(pool, figures);
}

function registerPoolGauges(metrics: ProcessMetrics, sources: Map<string, () => PoolFigures>) {
  metrics.gauge({
    name: "db_pool_connections",
    help: "Database connections of a pool, by state (open: all, idle: free for a query)",
    labelNames: ["pool", "state"],
    collect(gauge) {
      for (const [pool, read] of sources) {
        const figures = read();
        gauge.set({ pool, state: "open" }, figures.totalCount);
        gauge.set({ pool, state: "idle" }, figures.idleCount);
      }
    },
  });
  metrics.gauge({
    name: "db_pool_waiting_requests",
    help: "Queries waiting for a free connection of a pool",
    labelNames: ["pool"],
    collect(gauge) {
      for (const [pool, read] of sources) gauge.set({ pool }, read().waitingCount);
    },
  });
}

/** The `/metrics` route of an operations server (ops-http.ts). */
export function metricsRoute(metrics: ProcessMetrics) {
  return async () => ({ status: 200, text: await metrics.render() });
}
