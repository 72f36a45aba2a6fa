import { z } from "zod";

/** The worker's configuration, validated once at start-up. */
export const ZWorkerEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  REDIS_PREFIX: z.string().default("ex:"),
  /** Interval of the reconciliation job (ledger sums, balances against postings and the engine). */
  RECONCILE_EVERY_MS: z.coerce.number().int().min(1_000).default(300_000),
  /** Run the demo market (demo/market-maker.ts): "on" under `npm run dev`, never in production. */
  DEMO_MARKET_MAKER: z.enum(["on", "off"]).default("off"),
  /** Interval between the demo market maker's requotes. */
  DEMO_TICK_MS: z.coerce.number().int().min(100).default(1_500),
  /** Least time between two 24 h tickers of one market on `<SYMBOL>@ticker`. */
  MARKET_DATA_TICKER_MS: z.coerce.number().int().min(100).default(1_000),
  /** A consumer failing (or blocked) on one entry this long raises an alert and turns health red. */
  CONSUMER_STUCK_ALERT_MS: z.coerce.number().int().min(100).default(30_000),
  /** Longest wait between two attempts of a failing consumer (the backoff doubles up to it). */
  CONSUMER_RETRY_MAX_MS: z.coerce.number().int().min(100).default(10_000),
  /** A reconciliation fails when the read models miss an entry journaled longer ago than this. */
  RECONCILE_MAX_LAG_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** Port of the worker's /health and /metrics; 0 disables the HTTP server. */
  WORKER_HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(3400),
  WORKER_HTTP_HOST: z.string().default("127.0.0.1"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type WorkerEnv = z.infer<typeof ZWorkerEnv>;

export function readWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = ZWorkerEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`worker: invalid environment\n${problems.join("\n")}`);
  }
  return parsed.data;
}
