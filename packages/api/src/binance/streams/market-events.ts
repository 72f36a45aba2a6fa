import type { DepthDiffWire } from "@exchange/contracts/depth";
import type { KlinePushWire } from "@exchange/contracts/kline";
import { compare, decimal } from "@exchange/contracts/money";
import type { TickerPushWire } from "@exchange/contracts/ticker";
import type { PublicTradeWire } from "@exchange/contracts/trade";
import { binanceDecimal, binanceRatio } from "../binance-decimal";

/**
 * Binance's market stream events, made from the pushes the market-data job publishes on the bus
 * (packages/contracts: depth.ts, trade.ts, kline.ts, ticker.ts). Pure: the caller passes the
 * event time `E`.
 */

/** `<symbol>@trade`. `m`: the buyer was the maker, i.e. the taker sold. */
export function tradeEvent(symbol: string, trade: PublicTradeWire, eventMs: number) {
  return {
    e: "trade",
    E: eventMs,
    s: symbol,
    t: trade.tradeId,
    p: binanceDecimal(trade.price),
    q: binanceDecimal(trade.quantity),
    T: Number(trade.time),
    m: trade.side === "sell",
    M: true,
  };
}

/** `<symbol>@aggTrade`: every trade as an aggregate of itself (first and last id the trade's). */
export function aggTradeEvent(symbol: string, trade: PublicTradeWire, eventMs: number) {
  return {
    e: "aggTrade",
    E: eventMs,
    s: symbol,
    a: trade.tradeId,
    p: binanceDecimal(trade.price),
    q: binanceDecimal(trade.quantity),
    f: trade.tradeId,
    l: trade.tradeId,
    T: Number(trade.time),
    m: trade.side === "sell",
    M: true,
  };
}

/**
 * `<symbol>@kline_<interval>`: the candle as it now is. Trade ids of the candle are not kept, so
 * `f`/`L` are -1 (Binance's "no trade" value); the taker-buy volumes are not kept either ("0").
 */
export function klineEvent(kline: KlinePushWire, eventMs: number) {
  const closeTime = Number(kline.closeTime);
  return {
    e: "kline",
    E: eventMs,
    s: kline.symbol,
    k: {
      t: Number(kline.openTime),
      T: closeTime,
      s: kline.symbol,
      i: kline.interval,
      f: -1,
      L: -1,
      o: binanceDecimal(kline.open),
      c: binanceDecimal(kline.close),
      h: binanceDecimal(kline.high),
      l: binanceDecimal(kline.low),
      v: binanceDecimal(kline.volume),
      n: kline.trades,
      x: eventMs > closeTime,
      q: binanceDecimal(kline.quoteVolume),
      V: "0.00000000",
      Q: "0.00000000",
      B: "0",
    },
  };
}

/**
 * `<symbol>@ticker` (24hrTicker). The job's statistics hold no best prices nor trade ids: those
 * fields are zero and -1, as Binance writes them for a market without them.
 */
export function tickerEvent(ticker: TickerPushWire, eventMs: number) {
  const closeMs = Number(ticker.time);
  return {
    e: "24hrTicker",
    E: eventMs,
    s: ticker.symbol,
    p: binanceDecimal(ticker.change),
    P: ticker.changePercent ?? "0.00",
    w: binanceRatio(ticker.quoteVolume, ticker.volume),
    x: binanceDecimal(ticker.open),
    c: binanceDecimal(ticker.last),
    Q: "0.00000000",
    b: "0.00000000",
    B: "0.00000000",
    a: "0.00000000",
    A: "0.00000000",
    o: binanceDecimal(ticker.open),
    h: binanceDecimal(ticker.high),
    l: binanceDecimal(ticker.low),
    v: binanceDecimal(ticker.volume),
    q: binanceDecimal(ticker.quoteVolume),
    O: closeMs - 86_400_000,
    C: closeMs,
    F: -1,
    L: -1,
    n: ticker.trades,
  };
}

/**
 * The book diffs of one interval merged into one `depthUpdate`: `U` the first diff's first
 * sequence, `u` the last one's last, each level at its latest quantity ("0" removes it). The
 * diffs are consecutive (the job publishes each sequence once, in order), so the merge is
 * exactly the change from `U - 1` to `u`.
 */
export class DepthMerge {
  private firstSeq: number | undefined;
  private lastSeq = 0;
  private readonly bids = new Map<string, string>();
  private readonly asks = new Map<string, string>();

  add(diff: DepthDiffWire): void {
    if (this.firstSeq === undefined) this.firstSeq = diff.firstSeq;
    this.lastSeq = diff.lastSeq;
    for (const [price, quantity] of diff.bids) this.bids.set(price, quantity);
    for (const [price, quantity] of diff.asks) this.asks.set(price, quantity);
  }

  get isEmpty(): boolean {
    return this.firstSeq === undefined;
  }

  /** The merged event, and a fresh start; undefined when nothing arrived. */
  take(symbol: string, eventMs: number) {
    if (this.firstSeq === undefined) return undefined;
    const event = {
      e: "depthUpdate",
      E: eventMs,
      s: symbol,
      U: this.firstSeq,
      u: this.lastSeq,
      b: sortedLevels(this.bids, "desc"),
      a: sortedLevels(this.asks, "asc"),
    };
    this.firstSeq = undefined;
    this.bids.clear();
    this.asks.clear();
    return event;
  }
}

function sortedLevels(levels: Map<string, string>, order: "asc" | "desc"): [string, string][] {
  const sorted = [...levels.entries()].sort(([a], [b]) => compare(decimal(a), decimal(b)));
  if (order === "desc") sorted.reverse();
  return sorted.map(([price, quantity]) => [binanceDecimal(price), binanceDecimal(quantity)]);
}
