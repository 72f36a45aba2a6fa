import {
  attachBinanceStreams,
  createBinanceServer,
  signedBinanceRoutes,
  signedRequestCheck,
  userDataStreamRoutes,
  WeightLimiter,
} from "@exchange/api/binance";
import { apiKeyAuthenticator } from "@exchange/domains/api-keys/api-key-authentication";
import { followStandingChanges } from "@exchange/domains/identity/standing-changes";
import { closeServices, createServices } from "@exchange/domains/services";
import { createLogger, createOpsHttpServer, startProcessReporting } from "@exchange/protocol";
import { readGatewayEnv } from "./env";
import { createGatewayMetrics } from "./metrics";

const env = readGatewayEnv();
const log = createLogger("gateway", env.LOG_LEVEL);
// Named before any domain code records on the process's registry.
const metrics = createGatewayMetrics();
const services = await createServices({
  databaseUrl: env.DATABASE_URL,
  redisUrl: env.REDIS_URL,
  redisPrefix: env.REDIS_PREFIX,
  service: "gateway",
  logLevel: env.LOG_LEVEL,
  ...(env.TWO_FACTOR_KEY ? { twoFactorKey: env.TWO_FACTOR_KEY } : {}),
  orderRateLimits: {
    placePerSecond: env.ORDER_RATE_PLACE_PER_SECOND,
    placePerMinute: env.ORDER_RATE_PLACE_PER_MINUTE,
    cancelPerSecond: env.ORDER_RATE_CANCEL_PER_SECOND,
    cancelPerMinute: env.ORDER_RATE_CANCEL_PER_MINUTE,
  },
});
const reporting = startProcessReporting({
  redis: services.redis,
  prefix: env.REDIS_PREFIX,
  process: "gateway",
});
// Revocations are heard from the start, so a revoked key stops at once (not after its TTL).
const authenticator = apiKeyAuthenticator(services);
await authenticator.listen();
// A restriction set by compliance stops the user's next order at once, not after the TTL.
const stopFollowing = await followStandingChanges(services);
const server = createBinanceServer({
  services,
  limiter: new WeightLimiter(services.redis, env.REDIS_PREFIX, {
    weightPerMinute: env.GATEWAY_WEIGHT_PER_MINUTE,
    strikesBeforeBan: env.GATEWAY_STRIKES_BEFORE_BAN,
    banBaseMs: env.GATEWAY_BAN_BASE_MS,
    banMaxMs: env.GATEWAY_BAN_MAX_MS,
  }),
  weightPerMinute: env.GATEWAY_WEIGHT_PER_MINUTE,
  trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  log,
  observer: metrics.observer,
  signedCheck: signedRequestCheck(authenticator),
  extraRoutes: [...signedBinanceRoutes(), ...userDataStreamRoutes],
  ...(env.GATEWAY_PUBLIC_URL ? { publicUrl: env.GATEWAY_PUBLIC_URL } : {}),
  // Load balancers probe the public port; the metrics answer only on the operations port.
  opsRoutes: { "/health": health },
});
const ops = env.GATEWAY_OPS_PORT
  ? createOpsHttpServer({
      "/health": health,
      "/metrics": async () => ({ status: 200, text: await metrics.render() }),
    })
  : undefined;

const streams = attachBinanceStreams({
  server: server.server,
  services,
  log,
  trustedProxyHops: env.TRUSTED_PROXY_HOPS,
});
metrics.watchStreams(streams);
if (ops) {
  await new Promise<void>((resolve) =>
    ops.listen(env.GATEWAY_OPS_PORT, env.GATEWAY_OPS_HOST, resolve),
  );
}
const url = await server.listen({ port: env.GATEWAY_PORT, host: env.GATEWAY_HOST });
log.info("gateway listening", { url });

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    log.info("draining", { signal });
    // Stops accepting, answers what is in flight, then lets go of the stores.
    await streams.close();
    await server.close();
    ops?.close();
    await authenticator.close();
    await stopFollowing();
    await reporting.stop();
    await closeServices(services);
    log.info("gateway stopped");
  });
}

async function health() {
  const redis = await services.redis.ping().then(
    () => true,
    () => false,
  );
  return { status: redis ? 200 : 503, json: { ok: redis, redis } };
}
