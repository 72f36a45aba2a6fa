import { describe, expect, it } from "vitest";
import { HEARTBEAT_STALE_MS, judgeConsumers, withoutErrorText } from "./health";

const NOW = 1_800_000_000_000;

describe("judging the worker's consumers", () => {
  it("is red when no worker has ever reported: nothing keeps the read models", () => {
    expect(judgeConsumers([], 10, NOW)).toEqual([
      { name: "worker", ok: false, state: "silent", error: "no consumer status in Redis" },
    ]);
  });

  it("calls a consumer silent once its heartbeat is older than the limit, whatever it said", () => {
    const [stale] = judgeConsumers(
      [
        {
          name: "projector",
          state: "running",
          processedSeq: 5,
          heartbeatAt: NOW - HEARTBEAT_STALE_MS - 1,
        },
      ],
      5,
      NOW,
    );
    expect(stale).toMatchObject({ ok: false, state: "silent", error: "no heartbeat for 10 s" });
  });

  it("reports each consumer's lag behind the engine, and stuck ones as red with their entry", () => {
    const judged = judgeConsumers(
      [
        {
          name: "projector",
          state: "stuck",
          processedSeq: 40,
          heartbeatAt: NOW,
          stuckSeq: 41,
          failingSince: NOW - 60_000,
          error: "numeric field overflow",
        },
        {
          name: "market-data",
          state: "retrying",
          processedSeq: 49,
          heartbeatAt: NOW,
          stuckSeq: 50,
          failingSince: NOW - 1_000,
        },
      ],
      50,
      NOW,
    );
    expect(judged).toEqual([
      {
        name: "market-data",
        ok: true,
        state: "retrying",
        processedSeq: 49,
        lag: 1,
        stuckSeq: 50,
        since: new Date(NOW - 1_000),
        error: undefined,
      },
      {
        name: "projector",
        ok: false,
        state: "stuck",
        processedSeq: 40,
        lag: 10,
        stuckSeq: 41,
        since: new Date(NOW - 60_000),
        error: "numeric field overflow",
      },
    ]);
  });

  it("gives callers who are not staff no internal error text", () => {
    const report = withoutErrorText({
      ok: false,
      database: { ok: false, latencyMs: 1, error: "connection refused 10.0.0.5:5432" },
      engine: { ok: true, latencyMs: 2 },
      engineSeq: null,
      consumers: judgeConsumers([], null, NOW),
    });
    expect(JSON.stringify(report)).not.toMatch(/refused|Redis/);
    expect(report.consumers[0]).toEqual({ name: "worker", ok: false, state: "silent" });
  });
});
