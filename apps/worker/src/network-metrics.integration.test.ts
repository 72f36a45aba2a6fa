import { closeStore, openStore } from "@exchange/domains/services";
import { createProcessMetrics, metricsRoute } from "@exchange/protocol/metrics";
import { createEngineSandbox } from "@exchange/testkit";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { observeNetwork } from "./network-metrics";

/**
 * The worker's metrics page serves seed 003's network latency: the round trips to the real
 * Redis and PostgreSQL of the run, in seconds; one that cannot be made is left out.
 */
let redis: Redis;
let unreachable: Redis;
let store: ReturnType<typeof openStore>;

beforeAll(async () => {
  const sandbox = await createEngineSandbox("network");
  redis = new Redis(sandbox.redisUrl);
  // Nothing listens on port 1; like the worker's connection, it queues commands and retries.
  unreachable = new Redis("redis://127.0.0.1:1", {
    maxRetriesPerRequest: null,
    retryStrategy: () => 1_000,
  });
  unreachable.on("error", () => {});
  store = openStore(sandbox.databaseUrl);
});

afterAll(async () => {
  redis.disconnect();
  unreachable.disconnect();
  await closeStore(store);
});

/** The value of `exchange_network_roundtrip_seconds{to}` on the page, or undefined. */
function roundTrip(page: string, to: string): number | undefined {
  const line = page
    .split("\n")
    .find((l) => l.startsWith("exchange_network_roundtrip_seconds{") && l.includes(`to="${to}"`));
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
}

describe("the worker's metrics page", () => {
  it("serves the round trips to Redis and the database in seconds", async () => {
    const metrics = createProcessMetrics("worker", { defaultMetrics: false });
    observeNetwork(metrics, { redis, db: store });
    const { status, text } = await metricsRoute(metrics)();
    expect(status).toBe(200);
    expect(text).toContain("# TYPE exchange_network_roundtrip_seconds gauge");
    for (const to of ["redis", "database"]) {
      const seconds = roundTrip(text, to);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(1);
    }
    expect(text).toMatch(/exchange_network_roundtrip_seconds\{[^}]*app="worker"/);
  });

  it("leaves out a round trip that does not come back, and still answers", async () => {
    const metrics = createProcessMetrics("worker", { defaultMetrics: false });
    observeNetwork(metrics, { redis: unreachable, db: store });
    const { text } = await metricsRoute(metrics)();
    expect(roundTrip(text, "redis")).toBeUndefined();
    expect(roundTrip(text, "database")).toBeGreaterThan(0);
  }, 10_000);
});
