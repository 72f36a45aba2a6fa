import type { CoreEvent } from "@exchange/core";
import { STREAM_TOKEN_TTL_MS, signStreamToken } from "@exchange/protocol";
import type { Services } from "../context";
import { AppError, AppErrorCode } from "../errors";
import type { PlaceOrderInput } from "../procedures/trading/place-order.types";
import { callEngine } from "./engine-calls";
import { assertCanTrade } from "./kyc-levels";
import { marketDirectory } from "./market-directory";
import { type OrderFacts, toOrderDto } from "./order-dto";
import { orderCommandOf } from "./order-input";
import { orderRejection } from "./order-rejections";

type Event<T extends CoreEvent["type"]> = Extract<CoreEvent, { type: T }>;

/**
 * Places an order through the engine. With a client order id the command id is derived from it,
 * so a retry (same user, same client order id) is answered with the first result and can never
 * place a second order: a client order id names one order for good.
 */
export async function placeOrder(services: Services, userId: number, input: PlaceOrderInput) {
  const [market] = await Promise.all([
    marketDirectory(services.db).get(input.symbol),
    assertCanTrade(services.db, userId),
  ]);
  const command = orderCommandOf(input, {
    userId,
    market,
    commandId: input.clientOrderId
      ? `order:${userId}:${input.clientOrderId}`
      : `order:${userId}:${crypto.randomUUID()}`,
    ts: Date.now(),
  });
  const { outcome } = await callEngine(services.engine, command);
  if (!outcome.ok) throw orderRejection(outcome.code, outcome.message, market);
  return placedOrder(outcome.events, market.units);
}

/** The accepted order and its immediate fills, from the engine's events (no read-model lag). */
function placedOrder(events: readonly CoreEvent[], units: Parameters<typeof toOrderDto>[1]) {
  const accepted = events.find((e): e is Event<"order.accepted"> => e.type === "order.accepted");
  if (!accepted)
    throw new AppError(AppErrorCode.INTERNAL, "engine accepted an order without order.accepted");
  const at = new Date(accepted.ts);
  const facts: OrderFacts = {
    orderId: accepted.orderId,
    clientOrderId: accepted.clientOrderId,
    symbol: accepted.symbol,
    side: accepted.side,
    orderType: accepted.orderType,
    priceTicks: accepted.priceTicks,
    qtyLots: accepted.qtyLots,
    quoteAtoms: accepted.quoteAtoms,
    filledLots: 0n,
    filledQuoteAtoms: 0n,
    status: "OPEN",
    timeInForce: accepted.timeInForce,
    postOnly: accepted.postOnly,
    cancelReason: null,
    createdAt: at,
    updatedAt: at,
  };
  for (const event of events) {
    if (!("orderId" in event) || event.orderId !== accepted.orderId) continue;
    if (
      event.type === "order.filled" ||
      event.type === "order.partiallyFilled" ||
      event.type === "order.cancelled"
    ) {
      facts.filledLots = event.filledLots;
      facts.filledQuoteAtoms = event.filledQuoteAtoms;
      facts.status =
        event.type === "order.filled"
          ? "FILLED"
          : event.type === "order.cancelled"
            ? "CANCELLED"
            : "PARTIALLY_FILLED";
      facts.cancelReason = event.type === "order.cancelled" ? event.reason : null;
    }
  }
  const fills = events
    .filter((e): e is Event<"trade"> => e.type === "trade" && e.takerOrderId === accepted.orderId)
    .map((t) => ({
      tradeId: t.tradeId,
      price: units.price(t.priceTicks),
      quantity: units.quantity(t.qtyLots),
      fee: units.amount(t.takerFeeAtoms, t.takerFeeAsset),
      feeAsset: t.takerFeeAsset,
    }));
  return { order: toOrderDto(facts, units), fills };
}

export async function cancelOrder(
  services: Services,
  userId: number,
  input: { symbol: string; orderId?: number | undefined; clientOrderId?: string | undefined },
) {
  const market = await marketDirectory(services.db).get(input.symbol);
  const { outcome } = await callEngine(services.engine, {
    type: "order.cancel",
    id: `cancel:${userId}:${crypto.randomUUID()}`,
    ts: Date.now(),
    userId,
    symbol: market.dto.symbol,
    ...(input.orderId === undefined ? {} : { orderId: input.orderId }),
    ...(input.clientOrderId === undefined ? {} : { clientOrderId: input.clientOrderId }),
  });
  if (!outcome.ok) throw orderRejection(outcome.code, outcome.message, market);
  const cancelled = outcome.events.find(
    (e): e is Event<"order.cancelled"> => e.type === "order.cancelled",
  );
  if (!cancelled)
    throw new AppError(AppErrorCode.INTERNAL, "engine cancelled without order.cancelled");
  return {
    orderId: cancelled.orderId,
    filledQuantity: market.units.quantity(cancelled.filledLots),
    cancelledQuantity: market.units.quantity(cancelled.remainingLots),
  };
}

export async function cancelAllOrders(services: Services, userId: number, symbol: string) {
  const market = await marketDirectory(services.db).get(symbol);
  const { outcome } = await callEngine(services.engine, {
    type: "order.cancelAll",
    id: `cancelAll:${userId}:${crypto.randomUUID()}`,
    ts: Date.now(),
    userId,
    symbol: market.dto.symbol,
  });
  if (!outcome.ok) throw orderRejection(outcome.code, outcome.message, market);
  return { cancelled: outcome.events.filter((e) => e.type === "order.cancelled").length };
}

/** A token for the trader's WebSocket, bound to their session so that revoking it closes the socket. */
export function issueStreamToken(
  services: Services,
  session: { userId: number; sessionId?: string },
) {
  if (!services.streamTokenSecret) {
    throw new AppError(
      AppErrorCode.INTERNAL,
      "this server is not configured to issue stream tokens",
    );
  }
  const expiresAt = new Date(Date.now() + STREAM_TOKEN_TTL_MS);
  return {
    token: signStreamToken(
      {
        userId: session.userId,
        expiresAtMs: expiresAt.getTime(),
        ...(session.sessionId ? { sessionId: session.sessionId } : {}),
      },
      services.streamTokenSecret,
    ),
    expiresAt,
  };
}
