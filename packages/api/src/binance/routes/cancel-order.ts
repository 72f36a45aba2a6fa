import type { Services } from "@exchange/domains/services";
import { getUserOrder } from "@exchange/domains/trading/order-lookups";
import { limitOrderRate } from "@exchange/domains/trading/order-rate-limit";
import { cancelOrder } from "@exchange/domains/trading/trading";
import { marketOf } from "../binance-markets";
import { cancelError } from "../binance-order-errors";
import { clientOrderIdParam, type OrderRef, orderRefParams } from "../binance-order-params";
import {
  type BinanceCancelled,
  binanceCancelled,
  type OrderSource,
  ZBinanceCancelled,
} from "../binance-orders";
import { requiredSymbol } from "../binance-params";
import type { BinanceRoute, BinanceRouteContext } from "../binance-route";
import { callerOf } from "./new-order";

/**
 * `DELETE /api/v3/order`: cancels one of the caller's open orders by `orderId` or
 * `origClientOrderId`; an order not open (filled, cancelled, unknown, someone else's) is -2011
 * "Unknown order sent.". Counted by the trader's cancel rate limit. Weight 1; TRADE permission.
 */
export const cancelOrderRoute: BinanceRoute<BinanceCancelled> = {
  method: "DELETE",
  path: "/api/v3/order",
  security: { kind: "signed", permission: "trade" },
  weight: () => 1,
  answer: ZBinanceCancelled,
  handle: async (context, query) => {
    const symbol = requiredSymbol(query);
    const ref = orderRefParams(query);
    const newClientOrderId = clientOrderIdParam(query, "newClientOrderId");
    await marketOf(context.services, symbol);
    return cancelForCaller(context, symbol, ref, newClientOrderId);
  },
};

/** Cancels the caller's order and answers it as Binance does (or throws Binance's error). */
export async function cancelForCaller(
  context: BinanceRouteContext,
  symbol: string,
  ref: OrderRef,
  newClientOrderId: string | undefined,
): Promise<BinanceCancelled> {
  const { userId } = callerOf(context);
  let cancelled: Awaited<ReturnType<typeof cancelOrder>>;
  try {
    await limitOrderRate(context.services, userId, "cancel");
    cancelled = await cancelOrder(context.services, userId, { symbol, ...ref });
  } catch (error) {
    throw cancelError(error);
  }
  const order = await orderAsCancelled(context.services, userId, symbol, ref, cancelled);
  const original = order.clientOrderId ?? "";
  return binanceCancelled(
    { ...order, clientOrderId: newClientOrderId ?? original },
    original,
    context.services.clock.now(),
  );
}

/** How long a cancel's answer waits for the read model to hold an order placed a moment ago. */
const READ_MODEL_WAIT_MS = 500;

/**
 * The cancelled order in full: the read model's row (price, type, times) with the engine's
 * verdict over it (cancelled, with what had filled). The engine's reply carries only those
 * numbers, and an order placed a moment before may not be in the read model yet: it is waited
 * for briefly, else answered from the engine's numbers alone.
 */
async function orderAsCancelled(
  services: Services,
  userId: number,
  symbol: string,
  ref: OrderRef,
  cancelled: { orderId: number; filledQuantity: string },
): Promise<OrderSource> {
  const byId = { symbol, orderId: cancelled.orderId };
  const deadline = Date.now() + READ_MODEL_WAIT_MS;
  let row = await getUserOrder(services, userId, byId);
  while (!row && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    row = await getUserOrder(services, userId, byId);
  }
  const now = services.clock.now();
  const base: OrderSource = row ?? {
    orderId: cancelled.orderId,
    clientOrderId: "clientOrderId" in ref ? ref.clientOrderId : null,
    symbol,
    side: "buy",
    type: "limit",
    price: null,
    stopPrice: null,
    listId: null,
    working: true,
    workingAt: now,
    quantity: null,
    quoteAmount: null,
    filledQuantity: cancelled.filledQuantity,
    filledQuote: "0",
    averagePrice: null,
    status: "CANCELLED",
    timeInForce: "GTC",
    postOnly: false,
    cancelReason: "user",
    createdAt: now,
    updatedAt: now,
  };
  return {
    ...base,
    status: "CANCELLED",
    cancelReason: "user",
    filledQuantity: cancelled.filledQuantity,
    updatedAt: now,
  };
}
