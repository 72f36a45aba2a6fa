import { z } from "zod";

/** The engine's configuration, validated once at start-up. */
export const ZEngineEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  /** Prefix of every Redis key and channel (one deployment or test run per prefix). */
  REDIS_PREFIX: z.string().default("ex:"),
  /** Name of this consumer in the engine's group; one engine per group is the design. */
  ENGINE_CONSUMER: z.string().min(1).default("engine-1"),
  /** Most stream entries read and applied as one batch. */
  ENGINE_BATCH_MAX: z.coerce.number().int().min(1).max(10_000).default(1_000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type EngineEnv = z.infer<typeof ZEngineEnv>;

export function readEngineEnv(source: NodeJS.ProcessEnv = process.env): EngineEnv {
  const parsed = ZEngineEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`engine: invalid environment\n${problems.join("\n")}`);
  }
  return parsed.data;
}
