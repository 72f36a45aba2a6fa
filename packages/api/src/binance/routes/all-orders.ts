import { listOrderSlice } from "@exchange/domains/trading/order-lookups";
import { z } from "zod";
import { marketOf } from "../binance-markets";
import { type BinanceOrder, binanceOrder, ZBinanceOrder } from "../binance-orders";
import { integerParam, limitParam, requiredSymbol, timeRangeParams } from "../binance-params";
import type { BinanceRoute } from "../binance-route";
import { callerOf } from "./new-order";

/**
 * `GET /api/v3/allOrders`: the caller's orders in one market, any status, oldest first: from
 * `orderId` on, else from `startTime` on, else the latest `limit` (default 500, at most 1000),
 * within `startTime`/`endTime` (placed time). Weight 20; READ permission.
 */
export const allOrdersRoute: BinanceRoute<BinanceOrder[]> = {
  method: "GET",
  path: "/api/v3/allOrders",
  security: { kind: "signed", permission: "read" },
  weight: () => 20,
  answer: z.array(ZBinanceOrder),
  handle: async (context, query) => {
    const { userId } = callerOf(context);
    const symbol = requiredSymbol(query);
    const fromId = integerParam(query, "orderId");
    const range = timeRangeParams(query);
    const limit = limitParam(query, { fallback: 500, min: 1, max: 1_000 });
    await marketOf(context.services, symbol);
    const orders = await listOrderSlice(context.services, {
      userId,
      symbol,
      fromId,
      ...range,
      limit,
    });
    return orders.map(binanceOrder);
  },
};
