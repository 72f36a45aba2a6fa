import { z } from "zod";

/**
 * The `data` of each channel's pushes, as apps/worker/src/consumers/market-data/messages.ts writes them
 * (decimal strings for money, epoch milliseconds for times). Parsed, not trusted: a push that
 * does not match is dropped and the panel re-reads the API instead, so a change on the server
 * side degrades to polling rather than to wrong numbers.
 */

const ZLevel = z.tuple([z.string(), z.string()]);

export const ZDepthPush = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("snapshot"),
    seq: z.number().int(),
    bids: z.array(ZLevel),
    asks: z.array(ZLevel),
  }),
  z.object({
    type: z.literal("diff"),
    firstSeq: z.number().int(),
    lastSeq: z.number().int(),
    bids: z.array(ZLevel),
    asks: z.array(ZLevel),
  }),
]);
export type DepthPush = z.infer<typeof ZDepthPush>;

/** A time as the wire may carry it: epoch ms, or an ISO string. */
const ZTime = z.union([z.number(), z.string(), z.date()]).transform((value) => new Date(value));

/** `<SYMBOL>@trades`: one public trade; `side` is the taker's. */
export const ZTradePush = z.object({
  tradeId: z.number().int(),
  price: z.string(),
  quantity: z.string(),
  side: z.enum(["buy", "sell"]),
  time: ZTime,
});
export type TradePush = z.infer<typeof ZTradePush>;

/** `<SYMBOL>@ticker`: 24 h rolling statistics. */
export const ZTickerPush = z.object({
  symbol: z.string(),
  open: z.string().nullable(),
  high: z.string().nullable(),
  low: z.string().nullable(),
  last: z.string().nullable(),
  volume: z.string(),
  quoteVolume: z.string(),
  change: z.string().nullable(),
  changePercent: z.string().nullable(),
  trades: z.number().int(),
});

/** `<SYMBOL>@kline_<interval>`: the candle in its latest state (replaces, never adds to). */
export const ZKlinePush = z.object({
  interval: z.string(),
  openTime: ZTime,
  open: z.string(),
  high: z.string(),
  low: z.string(),
  close: z.string(),
  volume: z.string(),
  quoteVolume: z.string(),
  trades: z.number().int(),
});

/** `@balance`: the user's funds in one asset after a change. */
export const ZBalancePush = z.object({
  asset: z.string(),
  available: z.string(),
  frozen: z.string(),
  total: z.string(),
});
