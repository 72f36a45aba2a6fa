import { channels } from "@exchange/contracts/channels";
import { isKlineInterval, type KlineInterval } from "@exchange/contracts/kline";

/**
 * A market stream as Binance names it (`btcusdt@depth@100ms`, `btcusdt@kline_1m`), parsed. The
 * name is lower case as Binance's; the bus channels are upper case (`BTCUSDT@depth`).
 */
export type MarketStream =
  /** Book diffs gathered over `intervalMs` (1000 for `@depth`, 100 for `@depth@100ms`). */
  | { kind: "depth"; symbol: string; intervalMs: 100 | 1000 }
  /** Each trade (`@trade`), or each trade as an aggregate of one (`@aggTrade`). */
  | { kind: "trade" | "aggTrade"; symbol: string }
  | { kind: "kline"; symbol: string; interval: KlineInterval }
  /** 24 h statistics (`@ticker`). */
  | { kind: "ticker"; symbol: string }
  /** The best bid and ask, on each change (`@bookTicker`). */
  | { kind: "bookTicker"; symbol: string }
  /** The best 5, 10 or 20 levels a side every 100 or 1000 ms (`@depth5`, `@depth10@100ms`). */
  | { kind: "partialDepth"; symbol: string; levels: 5 | 10 | 20; intervalMs: 100 | 1000 };

/** Longest stream name accepted: the longest real one is under 40 characters. */
export const STREAM_NAME_MAX_LENGTH = 64;

const PARTIAL_DEPTH = /^depth(5|10|20)(?:@(100ms|1000ms))?$/;
const NAME = /^([a-z0-9]{2,20})@([a-zA-Z0-9_@]+)$/;

/** The stream `name` means, or undefined for a name Binance would not serve us. */
export function parseMarketStream(name: string): MarketStream | undefined {
  if (name.length > STREAM_NAME_MAX_LENGTH) return undefined;
  const match = NAME.exec(name);
  if (!match) return undefined;
  const symbol = (match[1] as string).toUpperCase();
  const topic = match[2] as string;
  switch (topic) {
    case "depth":
    case "depth@1000ms":
      return { kind: "depth", symbol, intervalMs: 1000 };
    case "depth@100ms":
      return { kind: "depth", symbol, intervalMs: 100 };
    case "trade":
      return { kind: "trade", symbol };
    case "aggTrade":
      return { kind: "aggTrade", symbol };
    case "ticker":
      return { kind: "ticker", symbol };
    case "bookTicker":
      return { kind: "bookTicker", symbol };
  }
  const partial = PARTIAL_DEPTH.exec(topic);
  if (partial) {
    const levels = Number(partial[1]) as 5 | 10 | 20;
    return {
      kind: "partialDepth",
      symbol,
      levels,
      intervalMs: partial[2] === "100ms" ? 100 : 1000,
    };
  }
  if (topic.startsWith("kline_")) {
    const interval = topic.slice("kline_".length);
    if (isKlineInterval(interval)) return { kind: "kline", symbol, interval };
  }
  return undefined;
}

/** The bus channel (packages/contracts channels.ts) a market stream is made from. */
export function busNameOf(stream: MarketStream): string {
  switch (stream.kind) {
    case "depth":
    case "bookTicker":
    case "partialDepth":
      return channels.depth(stream.symbol);
    case "trade":
    case "aggTrade":
      return channels.trades(stream.symbol);
    case "kline":
      return channels.kline(stream.symbol, stream.interval);
    case "ticker":
      return channels.ticker(stream.symbol);
  }
}
