import { type CoreState, emitLevel, isPositiveId, Rejection, reject } from "../../core-state";
import type { CoreEvent } from "../../events";
import type { Market, Order } from "../../model";
import { RejectCode } from "../../reject-code";
import type { CancelAllOrdersCommand, CancelOrderCommand } from "./commands";
import { removeResting } from "./match-order";

/** `order.cancel` and `order.cancelAll`: allowed while a market trades or is cancel-only. */

function findMarket(s: CoreState, symbol: string): Market | Rejection {
  const market = s.findMarket(symbol);
  if (market === undefined) return reject(RejectCode.UnknownMarket, `unknown market ${symbol}`);
  if (market.status === "halted") {
    return reject(RejectCode.MarketHalted, `market ${market.symbol} is halted`);
  }
  return market;
}

/** The user's open order named by the command, or undefined. Other users' orders are not found. */
function findOrder(s: CoreState, market: Market, c: CancelOrderCommand): Order | undefined {
  const order =
    c.orderId !== undefined
      ? s.orders.get(c.orderId)
      : s.accounts.get(c.userId)?.clientOrderIds?.get(c.clientOrderId ?? "");
  return order !== undefined && order.userId === c.userId && order.market === market
    ? order
    : undefined;
}

export function cancelOrder(
  s: CoreState,
  c: CancelOrderCommand,
  events: CoreEvent[],
): Rejection | null {
  const market = findMarket(s, c.symbol);
  if (market instanceof Rejection) return market;
  if (!isPositiveId(c.userId))
    return reject(RejectCode.InvalidCommand, "userId must be a positive integer");
  if ((c.orderId === undefined) === (c.clientOrderId === undefined)) {
    return reject(RejectCode.InvalidCommand, "give exactly one of orderId and clientOrderId");
  }
  const order = findOrder(s, market, c);
  if (order === undefined) {
    const name = c.orderId !== undefined ? `id ${c.orderId}` : `clientOrderId ${c.clientOrderId}`;
    return reject(RejectCode.OrderNotFound, `no open order with ${name} in ${c.symbol}`);
  }
  const lots = removeResting(s, order, "user", events);
  emitLevel(market, order.side, order.priceTicks, lots, events);
  s.recycleOrder(order);
  return null;
}

export function cancelAllOrders(
  s: CoreState,
  c: CancelAllOrdersCommand,
  events: CoreEvent[],
): Rejection | null {
  const market = findMarket(s, c.symbol);
  if (market instanceof Rejection) return market;
  if (!isPositiveId(c.userId))
    return reject(RejectCode.InvalidCommand, "userId must be a positive integer");
  let order = s.accounts.get(c.userId)?.firstOrder ?? null;
  while (order !== null) {
    const next = order.userNext;
    if (order.market === market) {
      const lots = removeResting(s, order, "cancelAll", events);
      emitLevel(market, order.side, order.priceTicks, lots, events);
      s.recycleOrder(order);
    }
    order = next;
  }
  return null;
}
