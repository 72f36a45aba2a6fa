import { describe, expect, it } from "vitest";
import { type CandleTrade, candleOpenTime, foldTrades, mergeCandles } from "./candles";

const T0 = Date.UTC(2026, 10, 20, 13, 7, 30); // 13:07:30 UTC
const trade = (tradeId: number, ts: number, priceTicks: bigint, qtyLots = 1n): CandleTrade => ({
  symbol: "BTCUSDT",
  tradeId,
  seq: tradeId * 10,
  ts,
  priceTicks,
  qtyLots,
  quoteAtoms: priceTicks * qtyLots,
});

describe("candleOpenTime", () => {
  it.each([
    ["1m", Date.UTC(2026, 10, 20, 13, 7)],
    ["5m", Date.UTC(2026, 10, 20, 13, 5)],
    ["15m", Date.UTC(2026, 10, 20, 13, 0)],
    ["1h", Date.UTC(2026, 10, 20, 13, 0)],
    ["4h", Date.UTC(2026, 10, 20, 12, 0)],
    ["1d", Date.UTC(2026, 10, 20)],
  ] as const)("puts 13:07:30 UTC in the %s candle opening at %s", (interval, open) => {
    expect(candleOpenTime(T0, interval)).toBe(open);
  });

  it("starts a candle exactly on its boundary", () => {
    const boundary = Date.UTC(2026, 10, 20, 13, 5);
    expect(candleOpenTime(boundary, "5m")).toBe(boundary);
    expect(candleOpenTime(boundary - 1, "5m")).toBe(boundary - 300_000);
  });
});

describe("foldTrades", () => {
  it("takes open and close in journal order, high and low and sums across the candle", () => {
    const candles = foldTrades([
      trade(1, T0, 500n, 2n),
      trade(2, T0 + 10_000, 520n),
      trade(3, T0 + 20_000, 490n, 3n),
      trade(4, T0 + 25_000, 505n),
    ]);
    expect(candles.get(`BTCUSDT|1m|${Date.UTC(2026, 10, 20, 13, 7)}`)).toMatchObject({
      openTicks: 500n,
      highTicks: 520n,
      lowTicks: 490n,
      closeTicks: 505n,
      volumeLots: 7n,
      quoteAtoms: 1000n + 520n + 1470n + 505n,
      tradeCount: 4,
      firstTradeId: 1,
      lastTradeId: 4,
      updatedSeq: 40,
    });
  });

  it("splits trades across minutes but keeps them together in longer intervals", () => {
    const candles = foldTrades([trade(1, T0, 500n), trade(2, T0 + 60_000, 510n)]);
    const minutes = [...candles.values()].filter((c) => c.interval === "1m");
    expect(minutes.map((c) => [c.openTicks, c.closeTicks])).toEqual([
      [500n, 500n],
      [510n, 510n],
    ]);
    expect(candles.get(`BTCUSDT|1h|${Date.UTC(2026, 10, 20, 13)}`)).toMatchObject({
      openTicks: 500n,
      closeTicks: 510n,
      tradeCount: 2,
    });
  });

  it("orders by journal, not by timestamp: a late-stamped trade still closes the candle", () => {
    const candles = foldTrades([trade(1, T0 + 20_000, 500n), trade(2, T0, 480n)]);
    expect(candles.get(`BTCUSDT|1m|${Date.UTC(2026, 10, 20, 13, 7)}`)).toMatchObject({
      openTicks: 500n,
      closeTicks: 480n,
    });
  });

  it("folded in batches and merged, gives the same candles as folded at once", () => {
    const trades = Array.from({ length: 40 }, (_, i) =>
      trade(i + 1, T0 + i * 17_000, 500n + BigInt((i * 37) % 23), BigInt(1 + (i % 4))),
    );
    const whole = foldTrades(trades);
    const merged = new Map(foldTrades(trades.slice(0, 13)));
    for (const [key, part] of foldTrades(trades.slice(13))) {
      const earlier = merged.get(key);
      merged.set(key, earlier ? mergeCandles(earlier, part) : part);
    }
    expect(merged).toEqual(whole);
  });
});
