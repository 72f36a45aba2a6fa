import { createLogger, createOpsHttpServer, startProcessReporting } from "@exchange/protocol";
import { metricsRoute, startProcessMetrics } from "@exchange/protocol/metrics";
import { Redis } from "ioredis";
import { readStreamEnv } from "./env";
import { createStreamServer, STREAM_PATH } from "./server";

const env = readStreamEnv();
const metrics = startProcessMetrics("stream");
const log = createLogger("stream", env.LOG_LEVEL);
const subscriberRedis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
// Connected before first use: a SUBSCRIBE queued during connect breaks ioredis' ready check.
await subscriberRedis.connect();
const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
const server = createStreamServer({ env, subscriberRedis, redis, log });
const reporting = startProcessReporting({ redis, prefix: env.REDIS_PREFIX, process: "stream" });
if (env.STREAM_ALLOWED_ORIGINS.length === 0) {
  log.warn("STREAM_ALLOWED_ORIGINS is empty: every browser page will be refused (403)");
}
// Never serve a socket that a log-out could not close.
await server.revocationsReady;

const ops = env.STREAM_OPS_PORT
  ? createOpsHttpServer({
      "/health": () => ({ status: 200, json: { ok: true, connections: server.connectionCount() } }),
      "/metrics": metricsRoute(metrics),
    })
  : undefined;
if (ops) {
  await new Promise<void>((resolve) =>
    ops.listen(env.STREAM_OPS_PORT, env.STREAM_OPS_HOST, resolve),
  );
  log.info("operations listening", {
    url: `http://${env.STREAM_OPS_HOST}:${env.STREAM_OPS_PORT}`,
  });
}

server.http.listen(env.STREAM_PORT, env.STREAM_HOST, () => {
  log.info("gateway listening", {
    url: `ws://${env.STREAM_HOST}:${env.STREAM_PORT}${STREAM_PATH}`,
  });
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    log.info("draining", { signal, connections: server.connectionCount() });
    await server.close();
    await reporting.stop();
    ops?.close();
    await Promise.all([subscriberRedis.quit(), redis.quit()]);
    log.info("gateway stopped");
  });
}
