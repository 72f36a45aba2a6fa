import { listOpenOrders } from "@exchange/domains/trading/order-queries";
import { limitOrderRate } from "@exchange/domains/trading/order-rate-limit";
import { cancelAllOrders } from "@exchange/domains/trading/trading";
import { z } from "zod";
import { marketOf } from "../binance-markets";
import { cancelError } from "../binance-order-errors";
import {
  type BinanceCancelled,
  type BinanceOrder,
  binanceCancelled,
  binanceOrder,
  ZBinanceCancelled,
  ZBinanceOrder,
} from "../binance-orders";
import { requiredSymbol, symbolParam } from "../binance-params";
import type { BinanceRoute } from "../binance-route";
import { callerOf } from "./new-order";

/** Most open orders one answer lists (every market's open-order limit is far below it). */
const OPEN_ORDERS_MAX = 1_000;

/**
 * `GET /api/v3/openOrders`: the caller's open orders in one market, or in every market without
 * `symbol`, oldest first. Weight 6 with a symbol, 80 without; READ permission.
 */
export const openOrdersRoute: BinanceRoute<BinanceOrder[]> = {
  method: "GET",
  path: "/api/v3/openOrders",
  security: { kind: "signed", permission: "read" },
  weight: (query) => (typeof query.symbol === "string" && query.symbol !== "" ? 6 : 80),
  answer: z.array(ZBinanceOrder),
  handle: async (context, query) => {
    const { userId } = callerOf(context);
    const symbol = symbolParam(query);
    if (symbol !== undefined) await marketOf(context.services, symbol);
    const page = await listOpenOrders(context.services, userId, {
      symbol,
      limit: OPEN_ORDERS_MAX,
    });
    return page.items.reverse().map(binanceOrder);
  },
};

/**
 * `DELETE /api/v3/openOrders`: cancels every open order of the caller in `symbol` at once (one
 * engine command) and answers them as cancelled. The list is the read model's open orders just
 * before the cancel; an order placed a few milliseconds earlier is cancelled too but may be
 * missing from the answer. Weight 1; TRADE permission.
 */
export const cancelOpenOrdersRoute: BinanceRoute<BinanceCancelled[]> = {
  method: "DELETE",
  path: "/api/v3/openOrders",
  security: { kind: "signed", permission: "trade" },
  weight: () => 1,
  answer: z.array(ZBinanceCancelled),
  handle: async (context, query) => {
    const { userId } = callerOf(context);
    const symbol = requiredSymbol(query);
    await marketOf(context.services, symbol);
    const open = await listOpenOrders(context.services, userId, { symbol, limit: OPEN_ORDERS_MAX });
    try {
      await limitOrderRate(context.services, userId, "cancel");
      await cancelAllOrders(context.services, userId, symbol);
    } catch (error) {
      throw cancelError(error);
    }
    const now = context.services.clock.now();
    return open.items
      .reverse()
      .map((order) =>
        binanceCancelled(
          { ...order, status: "CANCELLED", cancelReason: "cancelAll", updatedAt: now },
          order.clientOrderId ?? "",
          now,
        ),
      );
  },
};
