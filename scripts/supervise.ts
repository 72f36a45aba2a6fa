/**
 * The development runner of the back-end processes (engine, worker, gateway, signer):
 * `tsx ../../scripts/supervise.ts src/main.ts [node flags…]` from an app's folder (the flags go
 * to the process's Node, e.g. the engine's heap settings).
 *
 * Like a production supervisor, it starts the process again when it dies (a crash, or a
 * `kill -9` to watch the engine recover from its journal); like `tsx watch`, it restarts it
 * when a source file changes, stopping it gracefully first. `tsx watch` alone does neither
 * reliably: once its child is killed from outside, it waits forever for an exit it missed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { type FSWatcher, watch } from "node:fs";
import { basename, resolve } from "node:path";
import { inheritedEnv } from "./lib/script-env";

const RESTART_DELAY_MS = 1_000;
const CHANGE_SETTLE_MS = 200;

const entry = process.argv[2];
const nodeFlags = process.argv.slice(3);
if (!entry) {
  console.error(
    "usage: tsx scripts/supervise.ts <entry.ts> [node flags…]  (run from the app's folder)",
  );
  process.exit(2);
}
const name = basename(process.cwd());
const watchedDirs = [resolve("src"), resolve("..", "..", "packages")];

let child: ChildProcess | undefined;
let shuttingDown = false;
let restartTimer: NodeJS.Timeout | undefined;

function start(): void {
  restartTimer = undefined;
  const started = spawn(process.execPath, [...nodeFlags, "--import", "tsx", entry as string], {
    stdio: "inherit",
    // The signer is the one process its secret is for (npm run dev hands it to this runner alone).
    env: name === "signer" ? { ...process.env } : inheritedEnv(),
  });
  child = started;
  started.on("exit", (code, signal) => {
    if (child === started) child = undefined;
    if (shuttingDown) process.exit(code ?? 0);
    if (code === 0 && signal === null) return; // stopped for a restart; the change handler starts it
    log(`exited (${signal ?? `code ${code}`}); starting again in ${RESTART_DELAY_MS / 1000} s`);
    scheduleStart(RESTART_DELAY_MS);
  });
}

function scheduleStart(delayMs: number): void {
  if (restartTimer) clearTimeout(restartTimer);
  restartTimer = setTimeout(start, delayMs);
}

/** A source change: stop the running process gracefully (SIGTERM drains), then start anew. */
function restartForChange(file: string): void {
  log(`${file} changed; restarting`);
  const running = child;
  if (!running) {
    scheduleStart(CHANGE_SETTLE_MS);
    return;
  }
  running.removeAllListeners("exit");
  running.once("exit", () => {
    if (child === running) child = undefined;
    if (!shuttingDown) scheduleStart(CHANGE_SETTLE_MS);
  });
  running.kill("SIGTERM");
}

function watchSources(): FSWatcher[] {
  let pending: NodeJS.Timeout | undefined;
  return watchedDirs.map((dir) =>
    watch(dir, { recursive: true }, (_event, file) => {
      if (!file || !/\.(ts|tsx|json)$/.test(file) || file.includes("node_modules")) return;
      if (file.includes("generated") || file.includes(".test.")) return;
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => restartForChange(file), CHANGE_SETTLE_MS);
    }),
  );
}

function log(message: string): void {
  console.log(`[supervise ${name}] ${message}`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    shuttingDown = true;
    if (restartTimer) clearTimeout(restartTimer);
    if (child) child.kill(signal);
    else process.exit(0);
  });
}

watchSources();
start();
