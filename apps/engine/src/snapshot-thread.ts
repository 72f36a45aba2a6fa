/**
 * The snapshot thread: a worker thread of the engine process that runs the `Snapshotter` (see
 * packages/journal), so that serialising the state never stalls the engine's loop. It polls the
 * journal's end, saves a snapshot whenever the policy says one is due, and stops on "stop".
 * A failed snapshot is logged and tried again at the next poll: the journal holds everything.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { Journal, type SnapshotPolicy, SnapshotStore, Snapshotter } from "@exchange/journal";
import { createLogger, type Logger, type LogLevel } from "@exchange/protocol";
import pg from "pg";

export interface SnapshotThreadOptions {
  databaseUrl: string;
  policy: SnapshotPolicy;
  kept: number;
  logLevel: LogLevel;
}

/** How often the thread looks at the journal's end (at most; sooner when the policy is shorter). */
const POLL_MS = 1_000;

/** After the thread fails, how long until it is started again. */
const RESTART_AFTER_MS = 5_000;
/** How long `stop()` lets a snapshot in progress finish before ending the thread. */
const STOP_WAIT_MS = 10_000;

/**
 * Starts the thread, and starts it again if it fails: snapshots only shorten a restart, so a
 * failing thread is logged, never the engine's end. `stop()` lets a snapshot in progress finish
 * (for up to STOP_WAIT_MS), then ends it.
 */
export function startSnapshotThread(
  options: SnapshotThreadOptions,
  log: Logger,
): { stop(): Promise<void> } {
  let stopping = false;
  let worker: Worker;
  let exited: Promise<void>;
  const start = () => {
    worker = new Worker(new URL("./snapshot-thread-entry.mjs", import.meta.url), {
      workerData: options,
    });
    worker.on("error", (error) => log.error("snapshot thread failed", { error }));
    exited = new Promise<void>((resolve) =>
      worker.once("exit", (code) => {
        resolve();
        if (stopping) return;
        log.error("snapshot thread stopped; starting it again", { code });
        setTimeout(() => stopping || start(), RESTART_AFTER_MS).unref();
      }),
    );
  };
  start();
  return {
    async stop() {
      stopping = true;
      worker.postMessage("stop");
      const deadline = setTimeout(() => void worker.terminate(), STOP_WAIT_MS);
      await exited;
      clearTimeout(deadline);
    },
  };
}

async function runThread(options: SnapshotThreadOptions): Promise<void> {
  const log = createLogger("engine.snapshots", options.logLevel);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  // An idle connection the server drops is replaced at the next query, not a crash.
  pool.on("error", (error) => log.warn("snapshot thread lost a database connection", { error }));
  const snapshotter = new Snapshotter(
    new Journal(pool),
    new SnapshotStore(pool, options.kept),
    options.policy,
  );
  let stopping = false;
  let wake: () => void = () => {};
  let timer: NodeJS.Timeout | undefined;
  parentPort?.on("message", (message) => {
    if (message !== "stop") return;
    stopping = true;
    clearTimeout(timer);
    wake();
  });
  const pollMs = Math.min(POLL_MS, options.policy.everyMs);
  while (!stopping) {
    try {
      const started = performance.now();
      const saved = await snapshotter.snapshotIfDue();
      if (saved)
        log.info("snapshot saved", {
          seq: saved.seq,
          bytes: saved.state.length,
          ms: Math.round(performance.now() - started),
        });
    } catch (error) {
      log.error("snapshot failed; the journal still holds everything", { error });
    }
    if (stopping) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, pollMs);
    });
  }
  await pool.end();
  // The port's listener would keep the thread alive.
  parentPort?.close();
}

if (!isMainThread) await runThread(workerData as SnapshotThreadOptions);
