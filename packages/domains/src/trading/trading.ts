import type { MarketDecimals } from "@exchange/contracts/wire";
import type { CoreEvent } from "@exchange/core";
import { commandIds, STREAM_TOKEN_TTL_MS, signStreamToken } from "@exchange/protocol";
import type { RequestClient } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { assertCanTradeRemembered } from "../kyc/kyc-levels";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import { callEngine, callEngineWithOrders } from "./engine-calls";
import { auditCancelAll, auditOrderAction } from "./order-audit";
import { type Event, onlyAccepted, orderAfter, takerFills } from "./order-events";
import { orderCommandOf } from "./order-input";
import { orderRejection } from "./order-rejections";
import type { PlaceOrderInput } from "./place-order-contracts";

export { amendOrder, placeOcoOrder } from "./order-changes";

/**
 * Places an order through the engine. With a client order id the command id is derived from it,
 * so a retry (same user, same client order id) is answered with the first result and can never
 * place a second order: a client order id names one order for good. An accepted order is
 * audited with the address it came from (`client`).
 */
export async function placeOrder(
  services: Services,
  userId: number,
  input: PlaceOrderInput,
  client: RequestClient = {},
) {
  const [market] = await Promise.all([
    marketDirectory(services).get(input.symbol),
    assertCanTradeRemembered(services, userId),
  ]);
  const command = orderCommandOf(input, {
    userId,
    market,
    commandId: commandIds.placeOrder(userId, input.clientOrderId),
    ts: services.clock.now(),
  });
  const { outcome } = await callEngineWithOrders(services.engine, command, {
    market: market.dto.symbol,
    count: 1,
  });
  if (!outcome.ok) throw orderRejection(outcome.code, outcome.message, market);
  const placed = placedOrder(outcome.events, market.units);
  auditOrderAction(services, {
    action: "order.placed",
    userId,
    orderId: placed.order.orderId,
    symbol: market.dto.symbol,
    side: input.side,
    type: input.type,
    client,
    ...(input.stopPrice === undefined ? {} : { details: { stopPrice: input.stopPrice } }),
  });
  return placed;
}

/** The accepted order and its immediate fills, from the engine's events (no read-model lag). */
function placedOrder(events: readonly CoreEvent[], units: MarketDecimals) {
  const accepted = onlyAccepted(events);
  return {
    order: orderAfter(accepted, events, units),
    fills: takerFills(events, [accepted.orderId], units),
  };
}

export async function cancelOrder(
  services: Services,
  userId: number,
  input: { symbol: string; orderId?: number | undefined; clientOrderId?: string | undefined },
  client: RequestClient = {},
) {
  const market = await marketDirectory(services).get(input.symbol);
  const { outcome } = await callEngine(services.engine, {
    type: "order.cancel",
    id: commandIds.cancelOrder(userId),
    ts: services.clock.now(),
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
  auditOrderAction(services, {
    action: "order.cancelled",
    userId,
    orderId: cancelled.orderId,
    symbol: market.dto.symbol,
    client,
  });
  return {
    orderId: cancelled.orderId,
    filledQuantity: market.units.quantity(cancelled.filledLots),
    cancelledQuantity: market.units.quantity(cancelled.remainingLots),
  };
}

/**
 * Cancels every open order of the trader (untriggered stop orders and OCO lists included) in one
 * market, or with no symbol in every market that is not halted.
 */
export async function cancelAllOrders(
  services: Services,
  userId: number,
  symbol: string | undefined,
  client: RequestClient = {},
) {
  const market = symbol === undefined ? undefined : await marketDirectory(services).get(symbol);
  const { outcome } = await callEngine(services.engine, {
    type: "order.cancelAll",
    id: commandIds.cancelAllOrders(userId),
    ts: services.clock.now(),
    userId,
    ...(market ? { symbol: market.dto.symbol } : {}),
  });
  if (!outcome.ok) {
    if (market) throw orderRejection(outcome.code, outcome.message, market);
    throw new AppError(AppErrorCode.ORDER_REJECTED, outcome.message, undefined, outcome.code);
  }
  const cancelled = outcome.events.filter((e) => e.type === "order.cancelled").length;
  if (cancelled > 0) {
    auditCancelAll(services, { userId, symbol: market?.dto.symbol ?? "*", cancelled, client });
  }
  return { cancelled };
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
  const expiresAt = new Date(services.clock.now() + STREAM_TOKEN_TTL_MS);
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
