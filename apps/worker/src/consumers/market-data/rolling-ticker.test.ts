import { changePercent } from "@exchange/contracts/ticker";
import { describe, expect, it } from "vitest";
import type { Candle } from "./candles";
import { RollingTicker, windowStart } from "./rolling-ticker";

const NOW = Date.UTC(2026, 10, 20, 12, 30, 15);
const MINUTE = 60_000;
const minute = (
  openTime: number,
  o: bigint,
  h: bigint,
  l: bigint,
  c: bigint,
  id: number,
): Candle => ({
  symbol: "BTCUSDT",
  interval: "1m",
  openTime,
  openTicks: o,
  highTicks: h,
  lowTicks: l,
  closeTicks: c,
  volumeLots: 2n,
  quoteAtoms: c * 2n,
  tradeCount: 2,
  firstTradeId: id,
  lastTradeId: id + 1,
  updatedSeq: id + 1,
});

describe("windowStart", () => {
  it("covers the current minute and the 1439 before it", () => {
    expect(windowStart(NOW)).toBe(Date.UTC(2026, 10, 19, 12, 31));
  });
});

describe("RollingTicker", () => {
  it("sums the window and takes open from its first trade, last from the latest", () => {
    const ticker = new RollingTicker();
    const current = Date.UTC(2026, 10, 20, 12, 30);
    ticker.update(minute(current - 10 * MINUTE, 100n, 120n, 95n, 110n, 1));
    ticker.update(minute(current, 110n, 130n, 105n, 125n, 3));
    expect(ticker.compute("BTCUSDT", NOW)).toEqual({
      symbol: "BTCUSDT",
      openTicks: 100n,
      highTicks: 130n,
      lowTicks: 95n,
      lastTicks: 125n,
      volumeLots: 4n,
      quoteAtoms: 220n + 250n,
      trades: 4,
    });
  });

  it("drops trades that left the window but keeps the last price", () => {
    const ticker = new RollingTicker();
    ticker.update(minute(windowStart(NOW) - MINUTE, 100n, 100n, 100n, 101n, 1));
    expect(ticker.compute("BTCUSDT", NOW)).toEqual({
      symbol: "BTCUSDT",
      openTicks: null,
      highTicks: null,
      lowTicks: null,
      lastTicks: 101n,
      volumeLots: 0n,
      quoteAtoms: 0n,
      trades: 0,
    });
  });

  it("keeps the newest last price whichever order candles arrive in", () => {
    const ticker = new RollingTicker();
    ticker.update(minute(NOW - MINUTE, 1n, 1n, 1n, 7n, 10));
    ticker.setLast("BTCUSDT", 3n, 2);
    expect(ticker.compute("BTCUSDT", NOW).lastTicks).toBe(7n);
  });
});

describe("changePercent", () => {
  it.each([
    [200_000n, 199_001n, "-0.49"],
    [100n, 150n, "50.00"],
    [3n, 4n, "33.33"],
    [3n, 2n, "-33.33"],
    [100n, 100n, "0.00"],
  ])("from %s to %s is %s %%", (open, last, expected) => {
    expect(changePercent(open, last)).toBe(expected);
  });

  it("is null without both prices", () => {
    expect(changePercent(null, 5n)).toBeNull();
    expect(changePercent(5n, null)).toBeNull();
  });
});
