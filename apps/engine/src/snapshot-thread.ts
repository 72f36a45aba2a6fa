/**
 * The snapshot thread: a worker thread of the engine process that runs the `Snapshotter` (see
 * packages/journal), so that serialising the state never stalls the engine's loop. It polls the
 * journal's end, saves a snapshot whenever the policy says one is due, and stops on "stop".
 * A failed snapshot is logged and tried again at the next poll: the journal holds everything.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { Journal, type SnapshotPolicy, SnapshotStore, Snapshotter } from "@exchange/journal";
import { createLogger, type LogLevel } from "@exchange/protocol";
import pg from "pg";

export interface SnapshotThreadOptions {
  databaseUrl: string;
  policy: SnapshotPolicy;
  kept: number;
  logLevel: LogLevel;
}

/** How often the thread looks at the journal's end (at most; sooner when the policy is shorter). */
const POLL_MS = 1_000;

/** Starts the thread; `stop()` lets a snapshot in progress finish, then ends it. */
export function startSnapshotThread(options: SnapshotThreadOptions): { stop(): Promise<void> } {
  const worker = new Worker(new URL("./snapshot-thread-entry.mjs", import.meta.url), {
    workerData: options,
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      worker.postMessage("stop");
      await exited;
    },
  };
}

async function runThread(options: SnapshotThreadOptions): Promise<void> {
  const log = createLogger("engine.snapshots", options.logLevel);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  const snapshotter = new Snapshotter(
    new Journal(pool),
    new SnapshotStore(pool, options.kept),
    options.policy,
  );
  let stopping = false;
  let wake: () => void = () => {};
  parentPort?.on("message", (message) => {
    if (message !== "stop") return;
    stopping = true;
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
      setTimeout(resolve, pollMs);
    });
  }
  await pool.end();
  // The port's listener would keep the thread alive.
  parentPort?.close();
}

if (!isMainThread) await runThread(workerData as SnapshotThreadOptions);
