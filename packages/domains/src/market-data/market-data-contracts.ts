import { ZDepth } from "@exchange/contracts/depth";
import { ZKline, ZKlineInterval } from "@exchange/contracts/kline";
import { ZTicker } from "@exchange/contracts/ticker";
import { ZPublicTrade } from "@exchange/contracts/trade";
import { ZSymbol } from "@exchange/contracts/wire";
import { z } from "zod";
import { ZInputDate } from "../input-bounds";

/** What the market-data queries take; what they answer is in packages/contracts. */

export const ZDepthInput = z.object({
  symbol: ZSymbol,
  limit: z.number().int().min(1).max(500).default(50),
});
export const ZDepthOutput = ZDepth;

export const ZRecentTradesInput = z.object({
  symbol: ZSymbol,
  limit: z.number().int().min(1).max(500).default(50),
});
export const ZRecentTradesOutput = z.array(ZPublicTrade);

export const ZTickerInput = z.object({ symbol: ZSymbol });
export const ZTickerOutput = ZTicker;
export const ZTickersOutput = z.array(ZTicker);

export const ZKlinesInput = z.object({
  symbol: ZSymbol,
  interval: ZKlineInterval,
  /** Candles opening before this time (exclusive); the latest when absent. */
  before: ZInputDate.optional(),
  limit: z.number().int().min(1).max(1000).default(300),
});
export const ZKlinesOutput = z.array(ZKline);

/**
 * Candles in a time range, as Binance's klines query asks: from `startTime` onwards (the
 * `limit` first), or up to `endTime` (the `limit` last), or both; the latest without either.
 */
export const ZKlinesRangeInput = z.object({
  symbol: ZSymbol,
  interval: ZKlineInterval,
  /** Candles opening at or after this time. */
  startTime: ZInputDate.optional(),
  /** Candles opening at or before this time. */
  endTime: ZInputDate.optional(),
  limit: z.number().int().min(1).max(1000).default(500),
});

/** A market's trades from an id or within a time range, oldest first (Binance's aggTrades). */
export const ZTradesRangeInput = z.object({
  symbol: ZSymbol,
  /** Trades with this id and after. */
  fromId: z.number().int().min(0).max(2_147_483_647).optional(),
  /** Trades executed at or after this time. */
  startTime: ZInputDate.optional(),
  /** Trades executed at or before this time. */
  endTime: ZInputDate.optional(),
  limit: z.number().int().min(1).max(1000).default(500),
});
