import { assert } from "../../assert";
import { type CoreState, emitLevel, isPositiveId, Rejection, reject } from "../../core-state";
import type { CoreEvent, OrderAcceptedEvent } from "../../events";
import type { Market, Order } from "../../model";
import { RejectCode } from "../../reject-code";
import type { AmendOrderCommand, PlaceLimitOrderCommand } from "./commands";
import { refuseOrderChange } from "./market-lifecycle";
import { cancelOpenOrder, releaseFrozen } from "./match-order";
import { checkLimitTerms, checkPrice, notionalOf, placeLimit, wouldTake } from "./place-order";

/**
 * `order.amend` (see `AmendOrderCommand`), Binance's "amend keep priority" for a quantity
 * reduction and its cancel-replace for anything else:
 * - a smaller total quantity at the same price keeps the order's id and queue place; the
 *   unneeded hold is released exactly (a buy `Δ × price` of quote, a sell `Δ` lots of base).
 *   Allowed while the market is cancel-only, as it only reduces what the user has at risk.
 * - a new price or a larger quantity cancels the order (reason `"amended"`) and places a new
 *   GTC limit order for the rest (new total − filled) at the new price, with the old order's
 *   options and client order id, a new id and priority; it may trade at once like any order
 *   (a post-only order is rejected instead). The new hold is checked against what the user has
 *   available plus what the old order held, before anything changes.
 */
export function amendOrder(
  s: CoreState,
  c: AmendOrderCommand,
  events: CoreEvent[],
): Rejection | null {
  const found = findAmended(s, c);
  if (found instanceof Rejection) return found;
  const order = found;
  const market = order.market;
  if (c.qtyLots !== undefined && (typeof c.qtyLots !== "bigint" || c.qtyLots <= 0n)) {
    return reject(RejectCode.InvalidQuantity, "quantity must be a positive bigint of lots");
  }
  if (c.priceTicks !== undefined) {
    const bad = checkPrice(market, c.priceTicks, "price");
    if (bad !== null) return bad;
  }
  const qtyLots = c.qtyLots ?? order.qtyLots;
  const priceTicks = c.priceTicks ?? order.priceTicks;
  if (qtyLots <= order.filledLots) {
    return reject(
      RejectCode.InvalidQuantity,
      `the new quantity must exceed the ${order.filledLots} lots already filled`,
    );
  }
  if (priceTicks === order.priceTicks) {
    if (qtyLots === order.qtyLots) return reject(RejectCode.AmendNotAllowed, "nothing to change");
    if (qtyLots < order.qtyLots) {
      reduceOrder(order, qtyLots, c.ts, events);
      return null;
    }
  }
  return replaceOrder(s, order, priceTicks, qtyLots, c, events);
}

/** The user's open order the command names, if it may be amended. */
function findAmended(s: CoreState, c: AmendOrderCommand): Order | Rejection {
  const market = s.findMarket(c.symbol);
  if (market === undefined) return reject(RejectCode.UnknownMarket, `unknown market ${c.symbol}`);
  if (market.perpetual !== null) {
    return reject(
      RejectCode.NotForContracts,
      "amending is not offered on perpetual contracts; cancel and place again",
    );
  }
  const refused = refuseOrderChange(market);
  if (refused !== null) return refused;
  if (!isPositiveId(c.userId))
    return reject(RejectCode.InvalidCommand, "userId must be a positive integer");
  if ((c.orderId === undefined) === (c.clientOrderId === undefined)) {
    return reject(RejectCode.InvalidCommand, "give exactly one of orderId and clientOrderId");
  }
  if (c.qtyLots === undefined && c.priceTicks === undefined) {
    return reject(RejectCode.InvalidCommand, "give qtyLots, priceTicks or both");
  }
  const order =
    c.orderId !== undefined
      ? s.orders.get(c.orderId)
      : s.accounts.get(c.userId)?.clientOrderIds?.get(c.clientOrderId ?? "");
  if (order === undefined || order.userId !== c.userId || order.market !== market) {
    const name = c.orderId !== undefined ? `id ${c.orderId}` : `clientOrderId ${c.clientOrderId}`;
    return reject(RejectCode.OrderNotFound, `no open order with ${name} in ${c.symbol}`);
  }
  if (order.peer !== null) {
    return reject(RejectCode.AmendNotAllowed, "an OCO order cannot be amended; cancel the list");
  }
  return order;
}

/** A quantity reduction: same id, same place in the queue, the hold lowered exactly. */
function reduceOrder(order: Order, qtyLots: bigint, ts: number, events: CoreEvent[]): void {
  const market = order.market;
  const lots = order.qtyLots - qtyLots;
  order.qtyLots = qtyLots;
  const levelLots = order.waiting ? 0n : market.book.fill(order, lots);
  if (order.waiting) order.remainingLots -= lots;
  events.push(amendedEvent(order, order.id, true, ts));
  const freed =
    order.side === "buy" ? notionalOf(market, order.priceTicks, lots) : lots * market.lotSizeAtoms;
  releaseFrozen(order, freed, events);
  if (!order.waiting) emitLevel(market, order.side, order.priceTicks, levelLots, events);
}

/** A new price or more quantity: the order is cancelled and a new one placed for the rest. */
function replaceOrder(
  s: CoreState,
  order: Order,
  priceTicks: bigint,
  qtyLots: bigint,
  c: AmendOrderCommand,
  events: CoreEvent[],
): Rejection | null {
  const market = order.market;
  if (market.status !== "trading") {
    return reject(RejectCode.MarketCancelOnly, `market ${market.symbol} accepts cancels only`);
  }
  if (order.waiting) {
    return reject(
      RejectCode.AmendNotAllowed,
      "an untriggered stop order can only have its quantity reduced; cancel and place it anew",
    );
  }
  const remainingLots = qtyLots - order.filledLots;
  const bad = checkReplacement(market, order, priceTicks, remainingLots);
  if (bad !== null) return bad;
  const replacement: PlaceLimitOrderCommand = {
    type: "order.place",
    id: c.id,
    ts: c.ts,
    orderType: "limit",
    userId: order.userId,
    symbol: market.symbol,
    side: order.side,
    priceTicks,
    qtyLots: remainingLots,
    timeInForce: "GTC",
    postOnly: order.postOnly,
    stp: order.stp,
  };
  if (order.clientOrderId !== null) replacement.clientOrderId = order.clientOrderId;
  const oldId = order.id;
  const amended = amendedEvent(order, s.nextOrderId, false, c.ts);
  amended.priceTicks = priceTicks;
  amended.qtyLots = qtyLots;
  amended.remainingLots = remainingLots;
  events.push(amended);
  cancelOpenOrder(s, order, "amended", events);
  const at = events.length;
  const placed = placeLimit(s, market, replacement, events);
  assert(placed === null, "an amendment checked beforehand was refused");
  (events[at] as OrderAcceptedEvent).replacesOrderId = oldId;
  return null;
}

/** Everything `placeLimit` would check of the replacement, with the old order's hold counted. */
function checkReplacement(
  market: Market,
  order: Order,
  priceTicks: bigint,
  remainingLots: bigint,
): Rejection | null {
  const notional = checkLimitTerms(market, priceTicks, remainingLots, "price");
  if (notional instanceof Rejection) return notional;
  const hold = order.side === "buy" ? notional : remainingLots * market.lotSizeAtoms;
  const available = order.payBalance.available + order.frozenAtoms;
  if (available < hold) {
    return reject(
      RejectCode.InsufficientBalance,
      `the amended order needs ${hold} atoms, ${available} available with its current hold`,
    );
  }
  if (order.postOnly && wouldTake(market, order.side, priceTicks)) {
    return reject(RejectCode.PostOnlyWouldTake, "the amended post-only order would trade");
  }
  return null;
}

function amendedEvent(order: Order, newOrderId: number, keptPriority: boolean, ts: number) {
  return {
    type: "order.amended" as const,
    symbol: order.market.symbol,
    orderId: order.id,
    userId: order.userId,
    newOrderId,
    keptPriority,
    priceTicks: order.priceTicks,
    qtyLots: order.qtyLots,
    remainingLots: order.remainingLots,
    ts,
  };
}
