import { describe, expect, it } from "vitest";
import { parseWorkerEnv } from "../env";

const base = {
  DATABASE_URL: "postgresql://localhost:5432/exchange",
  REDIS_URL: "redis://localhost:6379",
};

describe("the notifier's environment", () => {
  it("calls a fill of 10000 USDT large by default, and polls every second", () => {
    const env = parseWorkerEnv(base);
    expect(env.LARGE_FILL_NOTIONALS).toEqual([{ quoteAsset: "USDT", minNotional: "10000" }]);
    expect(env.NOTIFY_POLL_MS).toBe(1_000);
    expect(env.WEB_PUBLIC_URL).toBeUndefined();
  });

  it("takes a line per quote asset, or none at all", () => {
    const env = parseWorkerEnv({ ...base, LARGE_FILL_NOTIONALS: "USDT=50000,BTC=1" });
    expect(env.LARGE_FILL_NOTIONALS.map((line) => line.quoteAsset)).toEqual(["USDT", "BTC"]);
    expect(parseWorkerEnv({ ...base, LARGE_FILL_NOTIONALS: "" }).LARGE_FILL_NOTIONALS).toEqual([]);
  });

  it("refuses lines it cannot read, naming the variable", () => {
    expect(() => parseWorkerEnv({ ...base, LARGE_FILL_NOTIONALS: "USDT=lots" })).toThrow(
      /LARGE_FILL_NOTIONALS/,
    );
  });
});
