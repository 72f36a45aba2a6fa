import { encodeOrder, type OrderWire } from "@exchange/contracts/order";
import type { CoreEvent } from "@exchange/core";
import { commandIds } from "@exchange/protocol";
import type { RequestClient } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { assertCanTradeRemembered } from "../kyc/kyc-levels";
import { type MarketInfo, marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import { callEngineWithOrders } from "./engine-calls";
import { auditOrderAction } from "./order-audit";
import { amendCommandOf, ocoCommandOf } from "./order-change-input";
import { acceptedOrders, type Event, orderAfter, takerFills } from "./order-events";
import { orderRejection } from "./order-rejections";
import { findOrder } from "./order-repository";
import type { AmendOrderInput, PlaceOcoInput } from "./place-order-contracts";

/**
 * Places an OCO list through the engine: a post-only limit order and a stop-limit order, funded
 * once. With a client order id the command id is derived from it (a retry is answered with the
 * first result). Each of the two orders is audited as a placement, with the list's id.
 */
export async function placeOcoOrder(
  services: Services,
  userId: number,
  input: PlaceOcoInput,
  client: RequestClient = {},
) {
  const [market] = await Promise.all([
    marketDirectory(services).get(input.symbol),
    assertCanTradeRemembered(services, userId),
  ]);
  const command = ocoCommandOf(input, {
    userId,
    market,
    commandId: commandIds.placeOco(userId, input.clientOrderId),
    ts: services.clock.now(),
  });
  const { outcome } = await callEngineWithOrders(services.engine, command, {
    market: market.dto.symbol,
    count: 2,
  });
  if (!outcome.ok) throw orderRejection(outcome.code, outcome.message, market);
  const [limit, stop] = acceptedOrders(outcome.events);
  if (!limit || !stop || limit.listId === undefined)
    throw new AppError(AppErrorCode.INTERNAL, "engine accepted an OCO without its two orders");
  const orders: [OrderWire, OrderWire] = [
    orderAfter(limit, outcome.events, market.units),
    orderAfter(stop, outcome.events, market.units),
  ];
  for (const order of orders) {
    auditOrderAction(services, {
      action: "order.placed",
      userId,
      orderId: order.orderId,
      symbol: market.dto.symbol,
      side: input.side,
      type: order.type,
      details: { listId: limit.listId },
      client,
    });
  }
  const fills = takerFills(outcome.events, [limit.orderId, stop.orderId], market.units);
  return { listId: limit.listId, orders, fills };
}

/**
 * Amends one open order through the engine (see `ZAmendOrderInput`). A quantity reduction keeps
 * the order's id and place: the answer is the order as the read model holds it with the engine's
 * new quantity and price. Any other change replaces the order; the answer is the new order, from
 * the engine's events, with `replacedOrderId` naming the old one (cancelled, reason "amended").
 */
export async function amendOrder(
  services: Services,
  userId: number,
  input: AmendOrderInput,
  client: RequestClient = {},
) {
  // An amendment may raise the price or the size: a frozen trader cancels instead.
  const [market] = await Promise.all([
    marketDirectory(services).get(input.symbol),
    assertCanTradeRemembered(services, userId),
  ]);
  const command = amendCommandOf(input, {
    userId,
    market,
    commandId: commandIds.amendOrder(userId),
    ts: services.clock.now(),
  });
  const { outcome } = await callEngineWithOrders(services.engine, command, {
    market: market.dto.symbol,
    count: 1,
  });
  if (!outcome.ok) throw orderRejection(outcome.code, outcome.message, market);
  const amended = outcome.events.find(
    (e): e is Event<"order.amended"> => e.type === "order.amended",
  );
  if (!amended) throw new AppError(AppErrorCode.INTERNAL, "engine amended without order.amended");
  const order = amended.keptPriority
    ? await reducedOrder(services, amended, market)
    : replacementOrder(outcome.events, amended, market);
  auditOrderAction(services, {
    action: "order.amended",
    userId,
    orderId: amended.orderId,
    symbol: market.dto.symbol,
    details: {
      keptPriority: amended.keptPriority,
      newOrderId: amended.newOrderId,
      ...(input.quantity === undefined ? {} : { quantity: input.quantity }),
      ...(input.price === undefined ? {} : { price: input.price }),
    },
    client,
  });
  return amended.keptPriority
    ? { order, keptPriority: true }
    : { order, keptPriority: false, replacedOrderId: amended.orderId };
}

/** The new order an amendment put in place of the old one, after the command's own trades. */
function replacementOrder(
  events: readonly CoreEvent[],
  amended: Event<"order.amended">,
  market: MarketInfo,
): OrderWire {
  const accepted = acceptedOrders(events).find((e) => e.orderId === amended.newOrderId);
  if (!accepted)
    throw new AppError(AppErrorCode.INTERNAL, "engine replaced an order without order.accepted");
  return orderAfter(accepted, events, market.units);
}

/** How long a kept-priority answer waits for the read model to hold a just-placed order. */
const READ_MODEL_WAIT_MS = 2_000;
const READ_MODEL_POLL_MS = 50;

/**
 * A reduced order as it now is: its facts from the read model (the engine's answer to an
 * amendment names only what changed), the quantity and price from the engine. An order amended
 * right after its placement may not be projected yet, hence the short wait.
 */
async function reducedOrder(
  services: Services,
  amended: Event<"order.amended">,
  market: MarketInfo,
): Promise<OrderWire> {
  const until = Date.now() + READ_MODEL_WAIT_MS;
  for (;;) {
    const facts = await findOrder(services.db, amended.userId, amended.orderId);
    if (facts) {
      return encodeOrder(
        {
          ...facts,
          priceTicks: amended.priceTicks,
          qtyLots: amended.qtyLots,
          filledLots: amended.qtyLots - amended.remainingLots,
          updatedAt: amended.ts,
        },
        market.units,
      );
    }
    if (Date.now() > until)
      throw new AppError(
        AppErrorCode.ENGINE_UNAVAILABLE,
        "The order was amended; it will show in your open orders in a moment.",
      );
    await new Promise((resolve) => setTimeout(resolve, READ_MODEL_POLL_MS));
  }
}
