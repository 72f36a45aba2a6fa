import { listFillSlice } from "@exchange/domains/trading/order-lookups";
import { z } from "zod";
import { binanceErrors } from "../binance-errors";
import { marketOf } from "../binance-markets";
import { type BinanceMyTrade, binanceMyTrade, ZBinanceMyTrade } from "../binance-orders";
import { integerParam, limitParam, requiredSymbol, timeRangeParams } from "../binance-params";
import type { BinanceRoute } from "../binance-route";
import { callerOf } from "./new-order";

/**
 * `GET /api/v3/myTrades`: the caller's fills in one market, oldest first: of one `orderId`,
 * from trade `fromId` on, from `startTime` on, or the latest `limit` (default 500, at most
 * 1000). `fromId` with a time range is -1128 as on Binance. A self-trade is listed twice (buyer
 * and seller). Weight 20, 5 with orderId; READ permission.
 */
export const myTradesRoute: BinanceRoute<BinanceMyTrade[]> = {
  method: "GET",
  path: "/api/v3/myTrades",
  security: { kind: "signed", permission: "read" },
  weight: (query) => (query.orderId === undefined ? 20 : 5),
  answer: z.array(ZBinanceMyTrade),
  handle: async (context, query) => {
    const { userId } = callerOf(context);
    const symbol = requiredSymbol(query);
    const orderId = integerParam(query, "orderId");
    const fromId = integerParam(query, "fromId");
    const range = timeRangeParams(query);
    const limit = limitParam(query, { fallback: 500, min: 1, max: 1_000 });
    if (fromId !== undefined && (range.startTime ?? range.endTime) !== undefined) {
      throw binanceErrors.badCombination();
    }
    await marketOf(context.services, symbol);
    const fills = await listFillSlice(context.services, {
      userId,
      symbol,
      orderId,
      fromId,
      ...range,
      limit,
    });
    return fills.map(binanceMyTrade);
  },
};
