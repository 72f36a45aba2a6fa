import { readRecentTrades } from "@exchange/domains/market-data/market-data-trades";
import { z } from "zod";
import { binanceDecimal, binanceProduct } from "../binance-decimal";
import { marketOf } from "../binance-markets";
import { docParam } from "../binance-param-docs";
import { limitParam, requiredSymbol } from "../binance-params";
import type { BinanceRoute } from "../binance-route";
import { epochOf, ZBinanceDecimal } from "../binance-wire";

/**
 * `GET /api/v3/trades`: the latest `limit` trades (default 500, at most 1000), oldest first as
 * Binance lists them. `isBuyerMaker` is true when the taker sold. Weight 25.
 */
export const ZBinanceTrade = z.object({
  id: z.number().int(),
  price: ZBinanceDecimal,
  qty: ZBinanceDecimal,
  quoteQty: ZBinanceDecimal,
  time: z.number().int(),
  isBuyerMaker: z.boolean(),
  isBestMatch: z.boolean(),
});

export const tradesRoute: BinanceRoute<z.infer<typeof ZBinanceTrade>[]> = {
  method: "GET",
  path: "/api/v3/trades",
  summary: "The most recent trades of one market, newest last.",
  params: z.object({ symbol: docParam.symbol, limit: docParam.limit(500, 1_000) }),
  security: { kind: "public" },
  weight: () => 25,
  answer: z.array(ZBinanceTrade),
  handle: async ({ services }, query) => {
    const symbol = requiredSymbol(query);
    const limit = limitParam(query, { fallback: 500, min: 1, max: 1_000 });
    await marketOf(services, symbol);
    const trades = await readRecentTrades(services, { symbol, limit });
    // The domain answers newest first; Binance's list runs oldest to newest.
    return trades.reverse().map((trade) => ({
      id: trade.tradeId,
      price: binanceDecimal(trade.price),
      qty: binanceDecimal(trade.quantity),
      quoteQty: binanceProduct(trade.price, trade.quantity),
      time: epochOf(trade.time),
      isBuyerMaker: trade.side === "sell",
      isBestMatch: true,
    }));
  },
};
