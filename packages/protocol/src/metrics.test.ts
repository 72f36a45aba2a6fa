import { describe, expect, it } from "vitest";
import {
  createProcessMetrics,
  metricName,
  observeDbPool,
  processMetrics,
  startProcessMetrics,
} from "./metrics";

const quiet = (app = "engine") => createProcessMetrics(app, { defaultMetrics: false });

describe("metric names", () => {
  it("prefixes names that follow exchange_<area>_<what>_<unit>", () => {
    expect(metricName("engine_commands_total", "counter")).toBe("exchange_engine_commands_total");
    expect(metricName("trpc_request_seconds", "histogram")).toBe("exchange_trpc_request_seconds");
    expect(metricName("stream_send_queue_bytes", "gauge")).toBe("exchange_stream_send_queue_bytes");
  });

  it("refuses a name that breaks the convention, saying why", () => {
    expect(() => metricName("engine_commands_applied", "counter")).toThrow(
      /counter's name ends in _total/,
    );
    expect(() => metricName("engine_lag_total", "gauge")).toThrow(/only a counter/);
    expect(() => metricName("engine_batch_size", "histogram")).toThrow(/must end in a unit/);
    expect(() => metricName("Engine_Lag_seconds", "gauge")).toThrow(/lower case/);
    expect(() => metricName("lag_seconds", "gauge")).toThrow(/<area>_<what>_<unit>/);
  });
});

describe("a process's metrics", () => {
  it("labels every series with the process and serves the default process series", async () => {
    const metrics = createProcessMetrics("worker");
    metrics.counter({ name: "worker_job_runs_total", help: "runs", labelNames: ["job"] }).inc({
      job: "reconciliation",
    });
    const text = await metrics.render();
    expect(text).toContain('exchange_worker_job_runs_total{job="reconciliation",app="worker"} 1');
    for (const series of [
      "exchange_process_cpu_seconds_total",
      "exchange_process_resident_memory_bytes",
      "exchange_nodejs_eventloop_lag_seconds",
      "exchange_nodejs_heap_size_used_bytes",
    ]) {
      expect(text).toMatch(new RegExp(`^${series}\\{app="worker"\\} \\d`, "m"));
    }
  });

  it("returns the series already registered under a name, so code built twice shares it", async () => {
    const metrics = quiet();
    const first = metrics.counter({ name: "engine_batches_total", help: "batches" });
    const second = metrics.counter({ name: "engine_batches_total", help: "batches" });
    first.inc();
    second.inc(2);
    expect(second).toBe(first);
    expect(await metrics.render()).toContain('exchange_engine_batches_total{app="engine"} 3');
  });

  it("reads a gauge's figure at each scrape", async () => {
    const metrics = quiet("stream");
    let connections = 2;
    metrics.gauge({
      name: "stream_ws_connections",
      help: "open",
      collect(gauge) {
        gauge.set(connections);
      },
    });
    expect(await metrics.render()).toContain('exchange_stream_ws_connections{app="stream"} 2');
    connections = 5;
    expect(await metrics.render()).toContain('exchange_stream_ws_connections{app="stream"} 5');
  });

  it("buckets latencies in seconds", async () => {
    const metrics = quiet("web");
    const seconds = metrics.histogram({
      name: "trpc_request_seconds",
      help: "time",
      labelNames: ["procedure"],
    });
    seconds.observe({ procedure: "markets.list" }, 0.003);
    seconds.observe({ procedure: "markets.list" }, 0.3);
    const text = await metrics.render();
    expect(text).toContain(
      'exchange_trpc_request_seconds_bucket{le="0.005",app="web",procedure="markets.list"} 1',
    );
    expect(text).toContain(
      'exchange_trpc_request_seconds_bucket{le="0.5",app="web",procedure="markets.list"} 2',
    );
    expect(text).toContain(
      'exchange_trpc_request_seconds_count{app="web",procedure="markets.list"} 2',
    );
  });

  it("shows a database pool's open and idle connections and its waiting queries", async () => {
    const metrics = quiet("worker");
    const pool = { totalCount: 6, idleCount: 1, waitingCount: 3 };
    observeDbPool(metrics, "worker", () => pool);
    observeDbPool(metrics, "prisma", () => ({ totalCount: 2, idleCount: 2, waitingCount: 0 }));
    const text = await metrics.render();
    expect(text).toContain(
      'exchange_db_pool_connections{pool="worker",state="open",app="worker"} 6',
    );
    expect(text).toContain(
      'exchange_db_pool_connections{pool="worker",state="idle",app="worker"} 1',
    );
    expect(text).toContain('exchange_db_pool_waiting_requests{pool="worker",app="worker"} 3');
    expect(text).toContain(
      'exchange_db_pool_connections{pool="prisma",state="open",app="worker"} 2',
    );
  });
});

describe("the process's registry", () => {
  it("is the one the process started, wherever it is asked for", () => {
    const started = startProcessMetrics("signer");
    expect(processMetrics()).toBe(started);
    expect(startProcessMetrics("other")).toBe(started);
    expect(started.app).toBe("signer");
  });
});
