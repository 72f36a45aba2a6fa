/**
 * An order sent while no engine answers: the trader is told to check before trying again, and
 * the order is counted as a timeout, not lost from the orders counter.
 */
import { EngineClient } from "@exchange/protocol";
import { processMetrics } from "@exchange/protocol/metrics";
import { runEnv } from "@exchange/protocol/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppErrorCode } from "../errors";
import { callEngineWithOrders } from "./engine-calls";

let silentEngine: EngineClient;

async function timeoutsCounted(): Promise<number> {
  const series = processMetrics().registry.getSingleMetric("exchange_trading_orders_total");
  if (!series) return 0;
  const { values } = await series.get();
  return (
    values.find((v) => v.labels.market === "TOUTUSDT" && v.labels.result === "timeout")?.value ?? 0
  );
}

beforeAll(async () => {
  const { REDIS_URL } = runEnv();
  if (!REDIS_URL) throw new Error("integration tests run under vitest's integration project");
  // A prefix no engine reads: the command waits in its stream and is never answered.
  silentEngine = await EngineClient.connect({
    redisUrl: REDIS_URL,
    prefix: `no-engine-${crypto.randomUUID()}:`,
  });
});

afterAll(async () => {
  await silentEngine?.close();
});

describe("an order the engine does not answer", () => {
  it("answers ENGINE_UNAVAILABLE and is counted as a timeout", async () => {
    const before = await timeoutsCounted();
    const sent = callEngineWithOrders(
      silentEngine,
      {
        type: "order.cancel",
        id: `timeout-test:${crypto.randomUUID()}`,
        ts: Date.now(),
        userId: 1,
        symbol: "TOUTUSDT",
        orderId: 1,
      },
      { market: "TOUTUSDT", count: 1 },
    );
    await expect(sent).rejects.toMatchObject({ code: AppErrorCode.ENGINE_UNAVAILABLE });
    expect(await timeoutsCounted()).toBe(before + 1);
  });
});
