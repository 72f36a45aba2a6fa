/**
 * The trading web app in production: `npm run serve -w @exchange/web -- --port 3000`, after
 * `next build`. Several processes share one port (Node's cluster: the primary accepts and hands
 * connections round-robin to WEB_PROCESSES workers, one per core by default), so every core
 * serves traders. Each worker answers the trader API (`/api/trpc/*`) on the lean path of
 * src/server/trpc-http.ts and everything else (pages, Auth.js, KYC uploads) with Next's own
 * request handler, on the same origin and cookies. `next start` and `next dev` still work: they
 * serve the API through the route handler instead.
 *
 * SIGTERM or SIGINT: each worker stops accepting, finishes what it holds, writes its queued
 * audit entries and exits; the primary exits when they have.
 */
import cluster from "node:cluster";
import { createServer, type Server } from "node:http";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createLogger } from "@exchange/protocol/log";
import { startAppOpsServer, startClusterOpsServer } from "@exchange/ui/ops-server";
import next from "next";
import { webEnv } from "./src/env";
import { startTrpcHttp } from "./src/server/trpc-http";

/** How long a stopping worker waits for open requests before it exits anyway. */
const STOP_GRACE_MS = 10_000;

const log = createLogger("web");
const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    hostname: { type: "string", default: "0.0.0.0" },
  },
});
const port = Number(args.port);
const hostname = args.hostname;

if (cluster.isPrimary) runPrimary();
else await runWorker();

/** Forks the workers, replaces one that dies, and stops them all on a signal. */
function runPrimary(): void {
  const env = webEnv();
  const processes = env.WEB_PROCESSES ?? availableParallelism();
  let stopping = false;
  for (let i = 0; i < processes; i++) cluster.fork();
  // One scrape for the port: the primary sums its workers' figures (ops-server.ts).
  startClusterOpsServer({ app: "web", port: env.WEB_OPS_PORT, host: env.WEB_OPS_HOST });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.error("web worker died; starting another", { pid: worker.process.pid, code, signal });
    cluster.fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Workers in the same process group got the signal too; a direct one is harmless.
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  log.info("web started", { port, hostname, processes });
}

async function runWorker(): Promise<void> {
  const env = webEnv();
  // Before the API records anything; instrumentation.ts, run by Next, finds it started.
  startAppOpsServer({ app: "web", port: env.WEB_OPS_PORT, host: env.WEB_OPS_HOST });
  const app = next({ dev: false, dir: join(import.meta.dirname), hostname, port });
  const handleNext = app.getRequestHandler();
  await app.prepare();
  const trpc = await startTrpcHttp(env);
  const server = createServer((req, res) => {
    if (req.url?.startsWith("/api/trpc/")) trpc.handle(req, res);
    else void handleNext(req, res);
  });
  server.listen(port, hostname);
  let stopping = false;
  // Kept after the first signal: the primary passes on the one the process group also got.
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void stopWorker(server, () => trpc.close());
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

async function stopWorker(server: Server, closeApi: () => Promise<void>): Promise<void> {
  setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Kept-alive connections would hold `close` open until the grace ends.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 1_000).unref();
  });
  await closeApi();
  process.exit(0);
}
