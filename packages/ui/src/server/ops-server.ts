/**
 * The operations server of a Next.js app (web, admin): `/health` and `/metrics` on a port of
 * their own (WEB_OPS_PORT, ADMIN_OPS_PORT; 127.0.0.1 unless the *_OPS_HOST says otherwise), as
 * the engine, worker, signer and gateways keep theirs, so the metrics are never served on the
 * public port the apps' pages are. Started from each app's `instrumentation.ts`, once per
 * process (a dev-mode reload must not bind twice).
 */
import cluster from "node:cluster";
import type { Server } from "node:http";
import { createLogger, createOpsHttpServer } from "@exchange/protocol";
import {
  AggregatorRegistry,
  metricsRoute,
  type ProcessMetrics,
  startProcessMetrics,
} from "@exchange/protocol/metrics";

export interface OpsServerOptions {
  app: "web" | "admin";
  /** 0: no operations server. */
  port: number;
  host: string;
}

const STARTED = Symbol.for("exchange.ops-server");

/**
 * Starts the app's registry and, unless this is a worker of the production cluster (whose
 * primary serves the whole cluster's figures, see `startClusterOpsServer`), its ops server.
 */
export function startAppOpsServer(options: OpsServerOptions): void {
  const metrics = startProcessMetrics(options.app);
  if (cluster.isWorker) {
    // The primary asks each worker for its figures over the cluster's channel: answer with
    // this registry. prom-client listens for those requests once an aggregator exists.
    AggregatorRegistry.setRegistries([metrics.registry]);
    new AggregatorRegistry();
    return;
  }
  listenOnce(options, () => createOpsHttpServer(routesOf(metrics)));
}

/**
 * The production web server's primary (apps/web/server.ts): `/metrics` answers the sum over its
 * workers (counters and histograms added, gauges as prom-client aggregates each), so one scrape
 * sees the whole port, whichever worker served a request.
 */
export function startClusterOpsServer(options: OpsServerOptions): void {
  const aggregator = new AggregatorRegistry();
  listenOnce(options, () =>
    createOpsHttpServer({
      "/health": () => ({ status: 200, json: { ok: true, workers: workerCount() } }),
      "/metrics": async () => ({ status: 200, text: await aggregator.clusterMetrics() }),
    }),
  );
}

function routesOf(metrics: ProcessMetrics) {
  return {
    "/health": () => ({ status: 200, json: { ok: true } }),
    "/metrics": metricsRoute(metrics),
  };
}

function workerCount(): number {
  return Object.keys(cluster.workers ?? {}).length;
}

function listenOnce({ app, port, host }: OpsServerOptions, create: () => Server): void {
  const holder = globalThis as typeof globalThis & { [STARTED]?: Server };
  if (!port || holder[STARTED]) return;
  const server = create();
  holder[STARTED] = server;
  const log = createLogger(app);
  server.on("error", (error) => log.error("operations server failed", { port, host, error }));
  server.listen(port, host, () =>
    log.info("operations listening", { url: `http://${host}:${port}` }),
  );
  // The operations port never keeps a stopping process alive.
  server.unref();
}
