/**
 * Candles (klines) folded from trades. Pure: the live job and the rebuild from the `trades`
 * table use these same functions, so both produce the same candles for the same trades.
 */
import {
  INTERVAL_MS,
  KLINE_INTERVALS,
  type KlineFacts,
  type KlineInterval,
} from "@exchange/contracts/kline";

/**
 * Start of the candle holding `tsMs`: a multiple of the interval since the Unix epoch, so a
 * day candle runs 00:00–24:00 UTC and a 4 h candle starts at 00, 04, 08 … UTC.
 */
export function candleOpenTime(tsMs: number, interval: KlineInterval): number {
  const length = INTERVAL_MS[interval];
  return tsMs - (((tsMs % length) + length) % length);
}

/** What a candle needs to know of one trade, in engine units. */
export interface CandleTrade {
  symbol: string;
  tradeId: number;
  /** Journal sequence of the command that made the trade. */
  seq: number;
  /** The command's timestamp, epoch ms: it decides the candle. */
  ts: number;
  priceTicks: bigint;
  qtyLots: bigint;
  quoteAtoms: bigint;
}

/** One candle, or a batch's part of one (merged into the stored candle by `mergeCandles`). */
export interface Candle extends KlineFacts {
  firstTradeId: number;
  lastTradeId: number;
  /** Journal sequence of the last trade folded in. */
  updatedSeq: number;
}

export function candleKey(c: Pick<Candle, "symbol" | "interval" | "openTime">): string {
  return `${c.symbol}|${c.interval}|${c.openTime}`;
}

/**
 * Folds trades, given in journal order, into one partial candle per symbol, interval and open
 * time. Open is the first trade's price and close the last one's in journal order (not by
 * timestamp: commands carry their sender's clock, and the journal is the one true order).
 */
export function foldTrades(trades: Iterable<CandleTrade>): Map<string, Candle> {
  const candles = new Map<string, Candle>();
  for (const trade of trades) {
    for (const interval of KLINE_INTERVALS) {
      const part = candleOfTrade(trade, interval);
      const key = candleKey(part);
      const earlier = candles.get(key);
      candles.set(key, earlier ? mergeCandles(earlier, part) : part);
    }
  }
  return candles;
}

function candleOfTrade(trade: CandleTrade, interval: KlineInterval): Candle {
  return {
    symbol: trade.symbol,
    interval,
    openTime: candleOpenTime(trade.ts, interval),
    openTicks: trade.priceTicks,
    highTicks: trade.priceTicks,
    lowTicks: trade.priceTicks,
    closeTicks: trade.priceTicks,
    volumeLots: trade.qtyLots,
    quoteAtoms: trade.quoteAtoms,
    tradeCount: 1,
    firstTradeId: trade.tradeId,
    lastTradeId: trade.tradeId,
    updatedSeq: trade.seq,
  };
}

/**
 * The candle made of `earlier`'s trades followed by `later`'s (same symbol, interval and open
 * time). The SQL upsert in kline-store.ts applies exactly this rule.
 */
export function mergeCandles(earlier: Candle, later: Candle): Candle {
  return {
    ...earlier,
    highTicks: maxOf(earlier.highTicks, later.highTicks),
    lowTicks: minOf(earlier.lowTicks, later.lowTicks),
    closeTicks: later.closeTicks,
    volumeLots: earlier.volumeLots + later.volumeLots,
    quoteAtoms: earlier.quoteAtoms + later.quoteAtoms,
    tradeCount: earlier.tradeCount + later.tradeCount,
    lastTradeId: later.lastTradeId,
    updatedSeq: later.updatedSeq,
  };
}

/** Math.max and Math.min take numbers only; prices are bigints. */
function maxOf(a: bigint, b: bigint): bigint {
  return a >= b ? a : b;
}

function minOf(a: bigint, b: bigint): bigint {
  return a <= b ? a : b;
}
