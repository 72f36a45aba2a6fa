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
