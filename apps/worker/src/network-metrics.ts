import { measureNetwork } from "@exchange/domains/health/system-overview";
import type { Services } from "@exchange/domains/services";
import type { ProcessMetrics } from "@exchange/protocol/metrics";

/** Where a round trip goes: the `to` label of `exchange_network_roundtrip_seconds`. */
export type RoundTripTarget = "redis" | "database";

/**
 * Seed 003 §8's network latency as a series: at each scrape the worker times a Redis PING and a
 * database `SELECT 1` (the System page's own measure, health/system-overview.ts) and serves them
 * in seconds. A round trip that failed or timed out is left out rather than shown as fast; the
 * process and database health alerts say why.
 */
export function observeNetwork(
  metrics: ProcessMetrics,
  services: Pick<Services, "redis" | "db">,
): void {
  metrics.gauge<"to">({
    name: "network_roundtrip_seconds",
    help: "Round trip from the worker to Redis (PING) and to the database (SELECT 1), in seconds",
    labelNames: ["to"],
    async collect(gauge) {
      const { redisMs, databaseMs } = await measureNetwork(services);
      gauge.reset();
      if (redisMs !== null) gauge.set({ to: "redis" }, redisMs / 1000);
      if (databaseMs !== null) gauge.set({ to: "database" }, databaseMs / 1000);
    },
  });
}
