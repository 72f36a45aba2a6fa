import { getUserOrder } from "@exchange/domains/trading/order-lookups";
import { binanceErrors } from "../binance-errors";
import { marketOf } from "../binance-markets";
import { orderRefParams } from "../binance-order-params";
import { type BinanceOrder, binanceOrder, ZBinanceOrder } from "../binance-orders";
import { requiredSymbol } from "../binance-params";
import type { BinanceRoute } from "../binance-route";
import { callerOf } from "./new-order";

/**
 * `GET /api/v3/order`: one of the caller's orders by `orderId` or `origClientOrderId`; -2013
 * "Order does not exist." otherwise. Read from the read model: an order placed a moment ago
 * appears once the projector has written it (milliseconds). Weight 4; READ permission.
 */
export const queryOrderRoute: BinanceRoute<BinanceOrder> = {
  method: "GET",
  path: "/api/v3/order",
  security: { kind: "signed", permission: "read" },
  weight: () => 4,
  answer: ZBinanceOrder,
  handle: async (context, query) => {
    const { userId } = callerOf(context);
    const symbol = requiredSymbol(query);
    const ref = orderRefParams(query);
    await marketOf(context.services, symbol);
    const order = await getUserOrder(context.services, userId, { symbol, ...ref });
    if (!order) throw binanceErrors.noSuchOrder();
    return binanceOrder(order);
  },
};
