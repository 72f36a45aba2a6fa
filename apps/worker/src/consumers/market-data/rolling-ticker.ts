import type { TickerFacts } from "@exchange/contracts/ticker";
import type { Candle } from "./candles";

const MINUTE_MS = 60_000;
/** The window: the current minute and the 1 439 before it. */
export const TICKER_WINDOW_MINUTES = 1_440;

/**
 * 24 h rolling statistics built from one-minute candles, as most venues compute them: the
 * window slides a minute at a time, so it covers between 23 h 59 m and 24 h of trades. The
 * minute candles are the stored ones (the same transaction as the job's offset), so after a
 * restart the ticker is rebuilt exactly from the `klines` table.
 */
export class RollingTicker {
  /** symbol → minute open time → candle */
  private readonly minutes = new Map<string, Map<number, Candle>>();
  private readonly lastClose = new Map<string, { ticks: bigint; lastTradeId: number }>();

  /** Takes a stored one-minute candle in its latest state (other intervals are ignored). */
  update(candle: Candle): void {
    if (candle.interval !== "1m") return;
    let byMinute = this.minutes.get(candle.symbol);
    if (!byMinute) {
      byMinute = new Map();
      this.minutes.set(candle.symbol, byMinute);
    }
    byMinute.set(candle.openTime, candle);
    const last = this.lastClose.get(candle.symbol);
    if (!last || candle.lastTradeId >= last.lastTradeId) {
      this.lastClose.set(candle.symbol, {
        ticks: candle.closeTicks,
        lastTradeId: candle.lastTradeId,
      });
    }
  }

  /** Remembers the last trade of a market whose minute candle is older than the window. */
  setLast(symbol: string, ticks: bigint, lastTradeId: number): void {
    const last = this.lastClose.get(symbol);
    if (!last || lastTradeId >= last.lastTradeId)
      this.lastClose.set(symbol, { ticks, lastTradeId });
  }

  /** Statistics of the window ending in the minute of `nowMs`; drops candles that left it. */
  compute(symbol: string, nowMs: number): TickerFacts {
    const start = windowStart(nowMs);
    const facts: TickerFacts = {
      symbol,
      openTicks: null,
      highTicks: null,
      lowTicks: null,
      lastTicks: this.lastClose.get(symbol)?.ticks ?? null,
      volumeLots: 0n,
      quoteAtoms: 0n,
      trades: 0,
    };
    const byMinute = this.minutes.get(symbol);
    if (!byMinute) return facts;
    let firstTradeId = Number.POSITIVE_INFINITY;
    for (const [openTime, c] of byMinute) {
      if (openTime < start) {
        byMinute.delete(openTime);
        continue;
      }
      // Open is the window's first trade in journal order, like a candle's.
      if (c.firstTradeId < firstTradeId) {
        firstTradeId = c.firstTradeId;
        facts.openTicks = c.openTicks;
      }
      if (facts.highTicks === null || c.highTicks > facts.highTicks) facts.highTicks = c.highTicks;
      if (facts.lowTicks === null || c.lowTicks < facts.lowTicks) facts.lowTicks = c.lowTicks;
      facts.volumeLots += c.volumeLots;
      facts.quoteAtoms += c.quoteAtoms;
      facts.trades += c.tradeCount;
    }
    return facts;
  }

  symbols(): string[] {
    return [...new Set([...this.minutes.keys(), ...this.lastClose.keys()])];
  }
}

/** Open time of the oldest minute candle inside the window ending in the minute of `nowMs`. */
export function windowStart(nowMs: number): number {
  const minute = nowMs - (((nowMs % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
  return minute - (TICKER_WINDOW_MINUTES - 1) * MINUTE_MS;
}
