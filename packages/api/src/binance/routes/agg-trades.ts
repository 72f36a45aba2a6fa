import type { PublicTradeWire } from "@exchange/contracts/trade";
import {
  readRecentTrades,
  readTradesInRange,
} from "@exchange/domains/market-data/market-data-trades";
import { z } from "zod";
import { binanceDecimal } from "../binance-decimal";
import { binanceErrors } from "../binance-errors";
import { marketOf } from "../binance-markets";
import { docParam } from "../binance-param-docs";
import { integerParam, limitParam, requiredSymbol, timeRangeParams } from "../binance-params";
import type { BinanceRoute } from "../binance-route";
import { epochOf, ZBinanceDecimal } from "../binance-wire";

/** Largest trade id the trades read model holds (a 32-bit column). */
const MAX_TRADE_ID = 2_147_483_647;
/** Binance's widest startTime–endTime window for aggregate trades. */
const MAX_WINDOW_MS = 3_600_000;

/**
 * `GET /api/v3/aggTrades`: trades, oldest first, each its own aggregate (`a` = `f` = `l` = the
 * trade's id): the core fills one taker against each maker order as a trade of its own, so
 * there is nothing to merge. The latest `limit` (default 500, at most 1000), or from `fromId`,
 * or within `startTime`–`endTime` (at most an hour apart, as Binance). Weight 4. ccxt's binance
 * class reads trades here by default.
 */
export const ZBinanceAggTrade = z.object({
  a: z.number().int(),
  p: ZBinanceDecimal,
  q: ZBinanceDecimal,
  f: z.number().int(),
  l: z.number().int(),
  T: z.number().int(),
  m: z.boolean(),
  M: z.boolean(),
});

export const aggTradesRoute: BinanceRoute<z.infer<typeof ZBinanceAggTrade>[]> = {
  method: "GET",
  path: "/api/v3/aggTrades",
  summary: "Compressed trades of one market (each of our trades is its own aggregate).",
  params: z.object({
    symbol: docParam.symbol,
    fromId: docParam.fromId.optional(),
    startTime: docParam.startTime.optional(),
    endTime: docParam.endTime.optional(),
    limit: docParam.limit(500, 1_000),
  }),
  security: { kind: "public" },
  weight: () => 4,
  answer: z.array(ZBinanceAggTrade),
  handle: async ({ services }, query) => {
    const symbol = requiredSymbol(query);
    const fromId = integerParam(query, "fromId");
    if (fromId !== undefined && fromId > MAX_TRADE_ID)
      throw binanceErrors.invalidParameter("fromId");
    const { startTime, endTime } = timeRangeParams(query);
    if (startTime !== undefined && endTime !== undefined && endTime - startTime > MAX_WINDOW_MS) {
      throw binanceErrors.invalidParameter("endTime");
    }
    const limit = limitParam(query, { fallback: 500, min: 1, max: 1_000 });
    await marketOf(services, symbol);
    const ranged = fromId !== undefined || startTime !== undefined || endTime !== undefined;
    const trades = ranged
      ? await readTradesInRange(services, {
          symbol,
          limit,
          ...(fromId !== undefined ? { fromId } : {}),
          ...(startTime !== undefined ? { startTime: new Date(startTime) } : {}),
          ...(endTime !== undefined ? { endTime: new Date(endTime) } : {}),
        })
      : (await readRecentTrades(services, { symbol, limit })).reverse();
    return trades.map(aggregateOf);
  },
};

function aggregateOf(trade: PublicTradeWire) {
  return {
    a: trade.tradeId,
    p: binanceDecimal(trade.price),
    q: binanceDecimal(trade.quantity),
    f: trade.tradeId,
    l: trade.tradeId,
    T: epochOf(trade.time),
    m: trade.side === "sell",
    M: true,
  };
}
