import { type CoreState, emitLevel, Rejection, reject } from "../../core-state";
import type { CoreEvent, OrderTriggeredEvent } from "../../events";
import { type Market, type Order, STOP_LOSS, TAKE_PROFIT } from "../../model";
import { RejectCode } from "../../reject-code";
import type { StopOrderType } from "../../types";
import { freeze, orderBalanceChanged } from "../accounts/ledger";
import {
  marginedAccount,
  orderReservation,
  reserveForOrder,
} from "../derivatives/perpetual-orders";
import { readyTriggeredStop } from "../derivatives/perpetual-stops";
import type { PlaceStopOrderCommand } from "./commands";
import {
  cancelledEvent,
  canFillCompletely,
  executeOrder,
  forgetWaiting,
  releaseFrozen,
  removeResting,
  waitOrder,
} from "./match-order";
import {
  checkLimitTerms,
  checkOpenOrders,
  checkPrice,
  fundedAccount,
  isTimeInForce,
  notionalOf,
} from "./place-order";

/**
 * Stop-loss and take-profit limit orders: accepted into the market's trigger book with their
 * funds frozen, triggered by the market's last trade price (Binance's definitions, see
 * `StopOrderType`), then worked as limit orders.
 *
 * When. Triggers are checked inside the command whose trades moved the price, after its own
 * matching: every untriggered order that any of the command's trade prices reached triggers
 * (the market keeps the range of those prices, `Market.swung…`), one at a time in the trigger
 * book's order (`TriggerBook.popCrossed`). A triggered order's own trades widen the range, so
 * it may trigger more (a cascade); each order triggers at most once, so a command triggers at
 * most as many orders as the book held. A triggered order takes the command's time as its
 * working time and the id counter's next value as its queue priority: behind every order that
 * was already resting, ahead of every later one.
 */

/** `order.place` of a stop or take-profit limit order; see `PlaceStopOrderCommand`. */
export function placeStopOrder(
  s: CoreState,
  market: Market,
  c: PlaceStopOrderCommand,
  events: CoreEvent[],
): Rejection | null {
  const notional = checkLimitTerms(market, c.priceTicks, c.qtyLots, "price");
  if (typeof notional !== "bigint") return notional;
  const badStop = checkPrice(market, c.stopPriceTicks, "stop price");
  if (badStop !== null) return badStop;
  const timeInForce = c.timeInForce ?? "GTC";
  if (!isTimeInForce(timeInForce)) {
    return reject(RejectCode.InvalidOrderOptions, `unknown time in force ${String(timeInForce)}`);
  }
  if ((c as { postOnly?: unknown }).postOnly !== undefined) {
    return reject(RejectCode.InvalidOrderOptions, "a stop order cannot be post-only");
  }
  const perpetual = market.perpetual;
  // A perpetual's stop order reserves margin as its limit order would, a reduce-only one none
  // (and must then be IOC or FOK): see derivatives/perpetual-stops.ts.
  const hold =
    perpetual !== null
      ? orderReservation(s, perpetual, c, c.priceTicks, c.qtyLots)
      : c.side === "buy"
        ? notional
        : c.qtyLots * market.lotSizeAtoms;
  const account =
    perpetual !== null
      ? marginedAccount(s, perpetual, c, hold, c.qtyLots, timeInForce !== "GTC")
      : fundedAccount(s, market, c, hold);
  if (account instanceof Rejection) return account;
  const full = checkOpenOrders(market, account);
  if (full !== null) return full;
  const kind = c.orderType === "stopLimit" ? STOP_LOSS : TAKE_PROFIT;
  if (wouldTriggerNow(market, kind, c.side, c.stopPriceTicks)) {
    return reject(
      RejectCode.StopWouldTriggerNow,
      `the last trade price ${market.lastPriceTicks} already meets the stop price ${c.stopPriceTicks}`,
    );
  }
  const order = s.takeOrder(
    account,
    market,
    c.side,
    "limit",
    c.priceTicks,
    c.qtyLots,
    0n,
    timeInForce,
    false,
    c.stp ?? "cancelTaker",
    c.clientOrderId ?? null,
    c.ts,
  );
  acceptWaitingOrder(s, order, kind, c.stopPriceTicks, hold, events);
  return null;
}

/** Whether the market's last trade price already meets a stop price (never before a trade). */
export function wouldTriggerNow(
  market: Market,
  kind: number,
  side: "buy" | "sell",
  stopPriceTicks: bigint,
): boolean {
  const last = market.lastPriceTicks;
  if (last === 0n) return false;
  const onRise = (kind === STOP_LOSS) === (side === "buy");
  return onRise ? last >= stopPriceTicks : last <= stopPriceTicks;
}

/** The wire name of an order's stop kind. */
export function stopOrderType(order: Order): StopOrderType {
  return order.stopKind === STOP_LOSS ? "stopLimit" : "takeProfitLimit";
}

/**
 * Reports a stop order accepted, freezes `hold` (nothing when 0: an OCO's stop order may need
 * nothing beyond its limit order) and puts it in the trigger book.
 */
export function acceptWaitingOrder(
  s: CoreState,
  order: Order,
  kind: number,
  stopPriceTicks: bigint,
  hold: bigint,
  events: CoreEvent[],
): void {
  order.stopKind = kind;
  order.stopPriceTicks = stopPriceTicks;
  const market = order.market;
  events.push({
    type: "order.accepted",
    symbol: market.symbol,
    orderId: order.id,
    userId: order.userId,
    clientOrderId: order.clientOrderId,
    side: order.side,
    orderType: "limit",
    priceTicks: order.priceTicks,
    qtyLots: order.qtyLots,
    quoteAtoms: 0n,
    timeInForce: order.timeInForce,
    postOnly: false,
    stp: order.stp,
    frozenAtoms: hold,
    ts: order.ts,
    stopOrderType: stopOrderType(order),
    stopPriceTicks,
    ...(order.listId !== 0 ? { listId: order.listId } : {}),
  });
  if (market.perpetual !== null) {
    reserveForOrder(s, market.perpetual, order, hold);
  } else if (hold > 0n) {
    const asset = order.side === "buy" ? market.quote : market.base;
    const postings = freeze(order.userId, asset, order.payBalance, hold);
    events.push(orderBalanceChanged("order.freeze", order.id, 0, postings));
  }
  if (market.perpetual === null) order.frozenAtoms = hold;
  waitOrder(s, order);
}

/** Triggers every untriggered order the command's trades reached (see the module comment). */
export function fireTriggers(s: CoreState, market: Market, ts: number, events: CoreEvent[]): void {
  for (;;) {
    const order = market.triggers.popCrossed(market.swingLowTicks, market.swingHighTicks);
    if (order === null) break;
    triggerOrder(s, order, ts, events);
  }
  market.swung = false;
}

/**
 * Turns a waiting order (already taken out of the trigger book) into a working limit order now: new working time and priority, its OCO
 * peer cancelled (its funds handed over, not released: the list froze them once), anything held
 * beyond its own need released, then matched, rested or expired as its time in force says.
 */
function triggerOrder(s: CoreState, order: Order, ts: number, events: CoreEvent[]): void {
  const market = order.market;
  forgetWaiting(s, order);
  order.ts = ts;
  order.priority = s.nextOrderId++;
  const peer = order.peer;
  const triggered: OrderTriggeredEvent = {
    type: "order.triggered",
    symbol: market.symbol,
    orderId: order.id,
    userId: order.userId,
    stopPriceTicks: order.stopPriceTicks,
    lastPriceTicks: market.lastPriceTicks,
    frozenAtoms: peer === null ? order.frozenAtoms : order.frozenAtoms + peer.frozenAtoms,
    ts,
  };
  if (peer !== null) triggered.takenOverFromOrderId = peer.id;
  events.push(triggered);
  if (peer !== null) absorbPeer(s, order, peer, events);
  if (market.perpetual !== null) {
    // Its reservation is already its limit order's; a reduce-only one is clipped or expired.
    if (!readyTriggeredStop(s, market.perpetual, order, events)) return;
  } else {
    const need =
      order.side === "buy"
        ? notionalOf(market, order.priceTicks, order.remainingLots)
        : order.remainingLots * market.lotSizeAtoms;
    if (order.frozenAtoms > need) releaseFrozen(order, order.frozenAtoms - need, events);
  }
  if (
    order.timeInForce === "FOK" &&
    !canFillCompletely(
      market.book,
      order.userId,
      order.side,
      order.priceTicks,
      order.remainingLots,
      order.stp,
    )
  ) {
    events.push(cancelledEvent(order, "expired"));
    releaseFrozen(order, order.frozenAtoms, events);
    s.recycleOrder(order);
    return;
  }
  executeOrder(s, order, events);
}

/**
 * The OCO's limit order leaves the book as its stop order triggers: cancelled ("oco") with its
 * frozen funds moved to the stop order instead of released (one balance, so no posting).
 */
function absorbPeer(s: CoreState, order: Order, peer: Order, events: CoreEvent[]): void {
  order.peer = null;
  peer.peer = null;
  order.frozenAtoms += peer.frozenAtoms;
  peer.frozenAtoms = 0n;
  const lots = removeResting(s, peer, "oco", events);
  emitLevel(peer.market, peer.side, peer.priceTicks, lots, events);
  s.recycleOrder(peer);
}
