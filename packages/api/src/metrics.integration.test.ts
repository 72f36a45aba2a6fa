/**
 * Every process's /metrics as Prometheus scrapes it: the engine, the worker, the trading gateway
 * and the stream gateway run as real processes; the tRPC procedures run in this process, as the
 * web and admin apps run them, on this process's registry. Each named series exists, and the
 * ones a trader's order should move, move.
 */
import { once } from "node:events";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import {
  type Actor,
  closeServices,
  createServices,
  type Services,
} from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { depositForTest } from "@exchange/domains/testing/test-funds";
import { UNLIMITED_ORDER_RATES } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { processMetrics } from "@exchange/protocol/metrics";
import {
  createEngineSandbox,
  EngineProcess,
  GatewayProcess,
  StreamProcess,
  WorkerProcess,
} from "@exchange/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { callTraderApi } from "./testing/callers";

const STREAM_SECRET = "metrics-integration-stream-secret";

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let gateway: GatewayProcess;
let stream: StreamProcess;
let trader: Actor;

/** One sample of a scrape: a series' value, by name and a subset of its labels. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

const scrape = async (url: string) => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
};
const engineMetrics = () => scrape(`http://127.0.0.1:${engine.httpPort}/metrics`);
const workerMetrics = () => scrape(`http://127.0.0.1:${worker.httpPort}/metrics`);
const gatewayMetrics = () => scrape(`${gateway.opsUrl}/metrics`);
const streamMetrics = () => scrape(`http://127.0.0.1:${stream.opsPort}/metrics`);

/** The default process series every process serves, labelled with its name. */
function expectProcessSeries(text: string, app: string) {
  for (const name of [
    "exchange_process_cpu_seconds_total",
    "exchange_process_resident_memory_bytes",
    "exchange_nodejs_eventloop_lag_seconds",
    "exchange_nodejs_heap_size_used_bytes",
  ]) {
    expect(sample(text, name, { app }), `${name} of ${app}`).toBeGreaterThanOrEqual(0);
  }
}

async function placeOrder(price: string) {
  await callTraderApi(services, trader).trading.placeOrder({
    symbol: "BTCUSDT",
    side: "buy",
    type: "limit",
    price,
    quantity: "0.01",
  });
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("metrics");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices({
    ...sandbox,
    streamTokenSecret: STREAM_SECRET,
    orderRateLimits: UNLIMITED_ORDER_RATES,
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  gateway = await GatewayProcess.start(sandbox);
  stream = await StreamProcess.start({ ...sandbox, streamTokenSecret: STREAM_SECRET });
  const user = await createTestUser(services.db, { tag: "metrics", kycLevel: 1 });
  trader = { kind: "user", userId: user.id };
  await depositForTest(services.engine, user.id, "USDT", 100_000n * 10n ** 8n);
}, 120_000);

afterAll(async () => {
  await closeServices(services);
  await stream?.stop();
  await gateway?.stop();
  await worker?.stop();
  await engine?.kill();
});

describe("the engine's metrics", () => {
  it("count the commands it accepts, its batches and their latency", async () => {
    const before = await engineMetrics();
    expectProcessSeries(before, "engine");
    const accepted = sample(before, "exchange_engine_commands_total", { result: "accepted" }) ?? 0;
    const batches = sample(before, "exchange_engine_batch_size_commands_count") ?? 0;
    await placeOrder("30000");
    await eventually(async () => {
      const after = await engineMetrics();
      expect(sample(after, "exchange_engine_commands_total", { result: "accepted" })).toBe(
        accepted + 1,
      );
      expect(sample(after, "exchange_engine_batch_size_commands_count")).toBeGreaterThan(batches);
      expect(sample(after, "exchange_engine_command_latency_seconds_count")).toBeGreaterThan(0);
      expect(sample(after, "exchange_engine_journal_seq")).toBeGreaterThan(0);
    });
    const after = await engineMetrics();
    expect(sample(after, "exchange_engine_stream_lag_entries")).toBeGreaterThanOrEqual(0);
    expect(
      sample(after, "exchange_db_pool_connections", { pool: "journal", state: "open" }),
    ).toBeGreaterThan(0);
    expect(sample(after, "exchange_db_pool_waiting_requests", { pool: "journal" })).toBe(0);
  });
});

describe("the tRPC procedures' metrics (as web and admin serve them)", () => {
  it("count and time each call by procedure, and count the orders placed", async () => {
    const read = () => processMetrics().render();
    const labels = { procedure: "trading.placeOrder", code: "OK" };
    const calls = sample(await read(), "exchange_trpc_requests_total", labels) ?? 0;
    const placed =
      sample(await read(), "exchange_trading_orders_total", {
        market: "BTCUSDT",
        result: "placed",
      }) ?? 0;
    await placeOrder("30100");
    const text = await read();
    expect(sample(text, "exchange_trpc_requests_total", labels)).toBe(calls + 1);
    expect(
      sample(text, "exchange_trpc_request_seconds_count", { procedure: "trading.placeOrder" }),
    ).toBeGreaterThanOrEqual(calls + 1);
    expect(
      sample(text, "exchange_trading_orders_total", { market: "BTCUSDT", result: "placed" }),
    ).toBe(placed + 1);
  });

  it("count an OCO list as its two orders and an amendment as one, as a placement is", async () => {
    const api = callTraderApi(services, trader);
    const placedOrders = async () =>
      sample(await processMetrics().render(), "exchange_trading_orders_total", {
        market: "BTCUSDT",
        result: "placed",
      }) ?? 0;
    const before = await placedOrders();
    await api.trading.placeOco({
      symbol: "BTCUSDT",
      side: "buy",
      quantity: "0.01",
      price: "29000",
      stopPrice: "40000",
      stopLimitPrice: "40100",
    });
    expect(await placedOrders()).toBe(before + 2);
    const { order } = await api.trading.placeOrder({
      symbol: "BTCUSDT",
      side: "buy",
      type: "limit",
      price: "29100",
      quantity: "0.02",
    });
    await api.trading.amendOrder({ symbol: "BTCUSDT", orderId: order.orderId, price: "29150" });
    expect(await placedOrders()).toBe(before + 4);
  });

  it("count a refused call under its error code", async () => {
    const api = callTraderApi(services, trader);
    await expect(
      api.trading.placeOrder({
        symbol: "BTCUSDT",
        side: "buy",
        type: "limit",
        price: "30000",
        quantity: "1000000",
      }),
    ).rejects.toThrow();
    const text = await processMetrics().render();
    const refused = text
      .split("\n")
      .filter((l) => l.startsWith("exchange_trpc_requests_total{") && l.includes("placeOrder"))
      .filter((l) => !l.includes('code="OK"'));
    expect(refused.length).toBeGreaterThan(0);
  });
});

describe("the worker's metrics", () => {
  it("show each consumer's position and lag behind the journal", async () => {
    await placeOrder("30200");
    await eventually(async () => {
      const text = await workerMetrics();
      expectProcessSeries(text, "worker");
      const seq = sample(await engineMetrics(), "exchange_engine_journal_seq") ?? 0;
      expect(
        sample(text, "exchange_worker_consumer_processed_seq", { consumer: "projector" }),
      ).toBeGreaterThanOrEqual(seq);
      expect(sample(text, "exchange_worker_consumer_lag_events", { consumer: "projector" })).toBe(
        0,
      );
      expect(sample(text, "exchange_worker_consumer_stuck_ratio", { consumer: "projector" })).toBe(
        0,
      );
      expect(
        sample(text, "exchange_db_pool_connections", { pool: "worker", state: "open" }),
      ).toBeGreaterThan(0);
    }, 20_000);
  });

  it("count the attempts of its jobs", async () => {
    // The reference-data job runs once at start.
    await eventually(async () => {
      const text = await workerMetrics();
      expect(
        sample(text, "exchange_worker_job_runs_total", {
          job: "reference-data",
          outcome: "succeeded",
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sample(text, "exchange_worker_job_run_seconds_count", { job: "reference-data" }),
      ).toBeGreaterThanOrEqual(1);
    }, 20_000);
  });
});

describe("the trading gateway's metrics", () => {
  it("count and time each route, on the operations port only", async () => {
    expect((await fetch(`${gateway.url}/metrics`)).status).toBe(404);
    const route = { route: "/api/v3/depth", status: "200" };
    const before = sample(await gatewayMetrics(), "exchange_gateway_requests_total", route) ?? 0;
    expect((await fetch(`${gateway.url}/api/v3/depth?symbol=BTCUSDT`)).status).toBe(200);
    const text = await gatewayMetrics();
    expectProcessSeries(text, "gateway");
    expect(sample(text, "exchange_gateway_ws_send_queue_bytes")).toBe(0);
    expect(sample(text, "exchange_gateway_requests_total", route)).toBe(before + 1);
    expect(
      sample(text, "exchange_gateway_request_seconds_count", { route: "/api/v3/depth" }),
    ).toBeGreaterThanOrEqual(1);

    // Its Prisma client's pool, once a route has read the database.
    expect((await fetch(`${gateway.url}/api/v3/exchangeInfo`)).status).toBe(200);
    expect(
      sample(await gatewayMetrics(), "exchange_db_pool_connections", {
        pool: "prisma",
        state: "open",
      }),
    ).toBeGreaterThan(0);
  });
});

describe("the stream gateway's metrics", () => {
  it("count its open connections and their send queue", async () => {
    const before = await streamMetrics();
    expectProcessSeries(before, "stream");
    expect(sample(before, "exchange_stream_ws_connections")).toBe(0);
    const socket = new WebSocket(stream.url);
    await once(socket, "open");
    try {
      await eventually(async () => {
        const text = await streamMetrics();
        expect(sample(text, "exchange_stream_ws_connections")).toBe(1);
        expect(sample(text, "exchange_stream_send_queue_bytes")).toBeGreaterThanOrEqual(0);
      });
    } finally {
      socket.close();
    }
    await eventually(async () =>
      expect(sample(await streamMetrics(), "exchange_stream_ws_connections")).toBe(0),
    );
  });
});
