import { z } from "zod";

/** The engine's configuration, validated once at start-up. */
export const ZEngineEnv = z
  .object({
    NODE_ENV: z.string().optional(),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }),
    /** Prefix of every Redis key and channel (one deployment or test run per prefix). */
    REDIS_PREFIX: z.string().default("ex:"),
    /** Name of this consumer in the engine's group; one engine per group is the design. */
    ENGINE_CONSUMER: z.string().min(1).default("engine-1"),
    /** Most stream entries read and applied as one batch. */
    ENGINE_BATCH_MAX: z.coerce.number().int().min(1).max(10_000).default(2_000),
    /** A snapshot is taken after this many journaled commands… */
    ENGINE_SNAPSHOT_EVERY_COMMANDS: z.coerce.number().int().min(1).default(100_000),
    /** …or this long after the previous one, if anything changed. */
    ENGINE_SNAPSHOT_EVERY_MS: z.coerce.number().int().min(100).default(60_000),
    /** Snapshots kept; older ones are deleted (the journal stays whole). */
    ENGINE_SNAPSHOTS_KEPT: z.coerce.number().int().min(1).default(3),
    /**
     * Approximate number of batches kept on `engine.events` (XADD MAXLEN ~). A consumer further
     * behind than this catches up from the journal, which holds every outcome.
     */
    ENGINE_EVENTS_RETAINED: z.coerce.number().int().min(1_000).default(100_000),
    /** Port of /health, /metrics and /state; 0 disables the HTTP server. */
    ENGINE_HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(3300),
    ENGINE_HTTP_HOST: z.string().default("127.0.0.1"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /**
     * Fault injection for tests only: applying the command with this id throws after changing
     * the state, as the worst bug in the core would. It proves that a poison command stops the engine and is then set aside; no real
     * command may be made to throw, so outside `NODE_ENV=test` the engine refuses to start with it.
     */
    ENGINE_TEST_FAULT_COMMAND_ID: z.string().min(1).optional(),
  })
  .refine((env) => env.ENGINE_TEST_FAULT_COMMAND_ID === undefined || env.NODE_ENV === "test", {
    path: ["ENGINE_TEST_FAULT_COMMAND_ID"],
    message: "fault injection is for tests only (NODE_ENV=test)",
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
