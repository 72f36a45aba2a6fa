import {
  Journal,
  PoisonCommandStore,
  RecoveryError,
  recoverState,
  SnapshotStore,
} from "@exchange/journal";
import { busKeys, createLogger, startProcessReporting } from "@exchange/protocol";
import { Redis } from "ioredis";
import pg from "pg";
import { CommandLoop } from "./command-loop";
import { Engine, FatalEngineError, PoisonCommandError, STOPS_BEFORE_SET_ASIDE } from "./engine";
import { readEngineEnv } from "./env";
import { EventPublisher } from "./event-publisher";
import { createEngineHttpServer } from "./http-server";
import { createEngineMetrics } from "./metrics";
import { republishUnpublished } from "./republish";
import { startSnapshotThread } from "./snapshot-thread";

const env = readEngineEnv();
const log = createLogger("engine", env.LOG_LEVEL);
const metrics = createEngineMetrics();
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4 });
metrics.watchPool(pool);
const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
// Blocking reads get a connection of their own: behind an XREADGROUP … BLOCK, the replies and
// events of the batch being persisted would wait for the read to time out.
const reader = redis.duplicate();
const keys = busKeys(env.REDIS_PREFIX);
// The heartbeat the System page shows, and error and fatal lines to the worker's alert center.
const reporting = startProcessReporting({
  redis,
  prefix: env.REDIS_PREFIX,
  process: "engine",
  registry: metrics.registry,
});
const journal = new Journal(pool);
const snapshots = new SnapshotStore(pool, env.ENGINE_SNAPSHOTS_KEPT);
const snapshotPolicy = {
  everyCommands: env.ENGINE_SNAPSHOT_EVERY_COMMANDS,
  everyMs: env.ENGINE_SNAPSHOT_EVERY_MS,
};
const poison = new PoisonCommandStore(pool);
const publisher = new EventPublisher(redis, keys, env.ENGINE_EVENTS_RETAINED);

async function start(): Promise<void> {
  const recovered = await recoverState(journal, snapshots);
  metrics.replaySeconds.set(recovered.replayMs / 1000);
  metrics.replayCommands.set(recovered.replayedCommands);
  metrics.journalSeq.set(recovered.seq);
  log.info("state recovered", {
    seq: recovered.seq,
    snapshotSeq: recovered.snapshotSeq,
    replayedCommands: recovered.replayedCommands,
    replayMs: Math.round(recovered.replayMs),
    replayPerSecond: Math.round(
      recovered.replayedCommands / Math.max(recovered.replayMs / 1000, 1e-9),
    ),
  });
  const republished = await republishUnpublished({
    journal,
    publisher,
    redis,
    upToSeq: recovered.seq,
  });
  if (republished > 0)
    log.info("republished outcomes the previous run had not published", { republished });

  const setAside = await loadSetAside();
  if (env.ENGINE_TEST_FAULT_COMMAND_ID)
    log.warn("fault injection on", { commandId: env.ENGINE_TEST_FAULT_COMMAND_ID });
  const engine = new Engine({
    core: recovered.core,
    seq: recovered.seq,
    journal,
    publisher,
    redis,
    keys,
    metrics,
    log,
    poison,
    setAside,
    faultCommandId: env.ENGINE_TEST_FAULT_COMMAND_ID,
  });
  const loop = new CommandLoop({
    redis: reader,
    keys,
    consumer: env.ENGINE_CONSUMER,
    batchMax: env.ENGINE_BATCH_MAX,
    engine,
    metrics,
    log,
  });
  await loop.ensureGroup();
  const snapshotThread = startSnapshotThread(
    {
      databaseUrl: env.DATABASE_URL,
      policy: snapshotPolicy,
      kept: env.ENGINE_SNAPSHOTS_KEPT,
      logLevel: env.LOG_LEVEL,
    },
    log,
  );
  const http = env.ENGINE_HTTP_PORT ? createEngineHttpServer(engine, metrics) : undefined;
  if (http)
    await new Promise<void>((resolve) =>
      http.listen(env.ENGINE_HTTP_PORT, env.ENGINE_HTTP_HOST, resolve),
    );

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      log.info("draining", { signal });
      loop.stop();
    });
  }
  log.info("engine started", {
    stream: keys.commands,
    consumer: env.ENGINE_CONSUMER,
    seq: recovered.seq,
  });
  await loop.run();
  await snapshotThread.stop();
  http?.close();
  await reporting.stop();
  await Promise.all([redis.quit(), reader.quit(), pool.end()]);
  log.info("engine stopped", { seq: engine.journalSeq });
}

/**
 * Commands to set aside instead of applying: those that stopped the engine often enough and are
 * not journaled yet (once journaled as rejected, a retry is answered from the journal).
 */
async function loadSetAside() {
  const stoppers = await poison.stoppedAtLeast(STOPS_BEFORE_SET_ASIDE);
  for (const commandId of (await journal.findByCommandIds([...stoppers.keys()])).keys())
    stoppers.delete(commandId);
  if (stoppers.size > 0)
    log.warn("commands that stopped the engine will be set aside", {
      commandIds: [...stoppers.keys()],
    });
  return stoppers;
}

start().catch(async (error: Error) => {
  if (error instanceof RecoveryError) log.error("refusing to start", { reason: error.message });
  else if (error instanceof PoisonCommandError)
    log.fatal("applying a command threw; stopping, the state may be half-changed", {
      commandId: error.commandId,
      entryId: error.entryId,
      stops: error.stops,
      setAsideAfterStops: STOPS_BEFORE_SET_ASIDE,
      error: error.cause,
      stack: error.cause instanceof Error ? error.cause.stack : undefined,
    });
  else if (error instanceof FatalEngineError)
    log.error("stopping", { reason: error.message, cause: error.cause });
  else log.error("engine crashed", { error, stack: error.stack });
  // The line just logged reaches the alert center before the process goes.
  await reporting.flush();
  process.exit(1);
});
