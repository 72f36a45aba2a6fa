import { z } from "zod";

/** The worker's configuration, validated once at start-up. */
export const ZWorkerEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  REDIS_PREFIX: z.string().default("ex:"),
  /** Interval of the reconciliation job (ledger sums, balances against postings and the engine). */
  RECONCILE_EVERY_MS: z.coerce.number().int().min(1_000).default(300_000),
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
