import { z } from "zod";
import { ZInputDate } from "../input-bounds";

/** A market's symbol as the channels and the markets table name it: "BTCUSDT". */
export const ZSymbol = z
  .string()
  .regex(/^[A-Z0-9]{2,20}$/, "must be a market symbol such as BTCUSDT");

/** Price levels: [price, quantity] as decimal strings, best first. */
export const ZLevels = z.array(z.tuple([z.string(), z.string()]));

/**
 * Order-book depth. `seq` is the sequence of the last book change included; WebSocket diffs on
 * `<symbol>@depth` carry `firstSeq`/`lastSeq`, and a client applies a diff only when its
 * `firstSeq` is `seq + 1` of what it holds (else it fetches a new snapshot).
 */
export const ZDepthDto = z.object({
  symbol: z.string(),
  seq: z.number().int(),
  bids: ZLevels,
  asks: ZLevels,
});
export const ZDepthInput = z.object({
  symbol: ZSymbol,
  limit: z.number().int().min(1).max(500).default(50),
});

export const ZPublicTradeDto = z.object({
  tradeId: z.number().int(),
  price: z.string(),
  quantity: z.string(),
  /** The taker's side: a "buy" trade lifted an ask. */
  side: z.enum(["buy", "sell"]),
  time: z.date(),
});
export const ZRecentTradesOutput = z.array(ZPublicTradeDto);
export const ZRecentTradesInput = z.object({
  symbol: ZSymbol,
  limit: z.number().int().min(1).max(500).default(50),
});

/** 24 h rolling statistics. Prices are null before the first trade in the window. */
export const ZTickerDto = z.object({
  symbol: z.string(),
  open: z.string().nullable(),
  high: z.string().nullable(),
  low: z.string().nullable(),
  last: z.string().nullable(),
  /** Base volume over 24 h. */
  volume: z.string(),
  /** Quote volume over 24 h. */
  quoteVolume: z.string(),
  /** last - open, and that as a percentage of open with two decimals; null without trades. */
  change: z.string().nullable(),
  changePercent: z.string().nullable(),
  trades: z.number().int(),
});

export const ZTickerInput = z.object({ symbol: ZSymbol });
export const ZTickersOutput = z.array(ZTickerDto);

export const KLINE_INTERVALS = ["1m", "5m", "15m", "1h", "4h", "1d"] as const;
export const ZKlineDto = z.object({
  openTime: z.date(),
  open: z.string(),
  high: z.string(),
  low: z.string(),
  close: z.string(),
  volume: z.string(),
  quoteVolume: z.string(),
  trades: z.number().int(),
});
export const ZKlinesOutput = z.array(ZKlineDto);
export const ZKlinesInput = z.object({
  symbol: ZSymbol,
  interval: z.enum(KLINE_INTERVALS),
  /** Candles opening before this time (exclusive); the latest when absent. */
  before: ZInputDate.optional(),
  limit: z.number().int().min(1).max(1000).default(300),
});
