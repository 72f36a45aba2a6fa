import { loadEnv } from "@exchange/protocol";
import {
  type EnvOf,
  type EnvSource,
  intVar,
  parseEnv,
  portVar,
  sharedEnv,
} from "@exchange/protocol/env";
import { z } from "zod";

/** The engine's variables. This module is the only one of the engine that reads `process.env`. */
const engineEnvShape = {
  NODE_ENV: z.string().optional(),
  DATABASE_URL: sharedEnv.DATABASE_URL,
  REDIS_URL: sharedEnv.REDIS_URL,
  REDIS_PREFIX: sharedEnv.REDIS_PREFIX,
  /** Name of this consumer in the engine's group; one engine per group is the design. */
  ENGINE_CONSUMER: z.string().min(1).default("engine-1"),
  /** About how many commands are read and applied as one batch (entries carry several). */
  ENGINE_BATCH_MAX: z.coerce.number().int().min(1).max(10_000).default(2_000),
  /** A snapshot is taken after this many journaled commands… */
  ENGINE_SNAPSHOT_EVERY_COMMANDS: intVar(100_000, 1),
  /** …or this long after the previous one, if anything changed. */
  ENGINE_SNAPSHOT_EVERY_MS: intVar(60_000, 100),
  /** Snapshots kept; older ones are deleted (the journal stays whole). */
  ENGINE_SNAPSHOTS_KEPT: intVar(3, 1),
  /**
   * Approximate number of batches kept on `engine.events` (XADD MAXLEN ~). A consumer further
   * behind than this catches up from the journal, which holds every outcome.
   */
  ENGINE_EVENTS_RETAINED: intVar(100_000, 1_000),
  /** Port of /health, /metrics and /state; 0 disables the HTTP server. */
  ENGINE_HTTP_PORT: portVar(3300),
  ENGINE_HTTP_HOST: z.string().default("127.0.0.1"),
  LOG_LEVEL: sharedEnv.LOG_LEVEL,
  /**
   * Fault injection for tests only: applying the command with this id throws after changing
   * the state, as the worst bug in the core would. It proves that a poison command stops the engine and is then set aside; no real
   * command may be made to throw, so outside `NODE_ENV=test` the engine refuses to start with it.
   */
  ENGINE_TEST_FAULT_COMMAND_ID: z.string().min(1).optional(),
};

export type EngineEnv = EnvOf<typeof engineEnvShape>;

/** Validates the engine's variables in `source`; throws an EnvError naming each bad one. */
export function parseEngineEnv(source: EnvSource): EngineEnv {
  return parseEnv({
    name: "engine",
    shape: engineEnvShape,
    source,
    refine: refuseFaultOutsideTests,
  });
}

/** The engine's environment, validated once at start-up; a bad one exits with its message. */
export function readEngineEnv(): EngineEnv {
  return loadEnv({
    name: "engine",
    shape: engineEnvShape,
    source: process.env,
    refine: refuseFaultOutsideTests,
  });
}

function refuseFaultOutsideTests(env: EngineEnv, ctx: z.RefinementCtx): void {
  if (env.ENGINE_TEST_FAULT_COMMAND_ID === undefined || env.NODE_ENV === "test") return;
  ctx.addIssue({
    code: "custom",
    path: ["ENGINE_TEST_FAULT_COMMAND_ID"],
    message: "fault injection is for tests only (NODE_ENV=test)",
  });
}
