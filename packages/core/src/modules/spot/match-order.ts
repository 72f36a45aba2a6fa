import { assert } from "../../assert";
import { type CoreState, emitLevel } from "../../core-state";
import type { CoreEvent, OrderFillEvent, Posting } from "../../events";
import type { Asset, FeeTier, Market, Order } from "../../model";
import type { CancelReason, SelfTradePrevention, Side } from "../../types";
import {
  creditAvailable,
  debitFrozen,
  orderBalanceChanged,
  postFee,
  postRounding,
  release,
} from "../accounts/ledger";
import { fillPerpetual, releaseReservation } from "../derivatives/perpetual-fills";
import type { OrderBook } from "./book/order-book";

/**
 * Matching and settlement. A taker walks the opposite side of the book in price-time priority
 * and fills at each maker's price. Every fill settles at once:
 *
 *   buyer  frozen quote    −quote            seller frozen base   −base
 *   seller available quote +(quote − fee)    buyer available base +(base − fee)
 *   fee / rounding quote   +fee              fee / rounding base  +fee
 *
 * where quote = priceTicks × lots × quotePerTickLot and base = lots × lotSizeAtoms, both exact.
 *
 * Fees are charged on what each side receives, at the market's maker or taker rate (ppm) scaled
 * by the user's fee tier (ppm), so a rate is in parts per 10^12. The fee is rounded UP to the
 * atom, in the exchange's favour: the exact part floor(received × rate / 10^12) is posted to the
 * "fee" account, and the 1-atom round-up, when the division leaves a remainder, to "rounding".
 *
 * A fee tier may pay makers instead (a negative maker scale: a rebate). The maker then receives
 * in full, and is paid the rebate in the asset the taker's fee is charged in (the asset the
 * maker gave), out of that fee: floor(taker's receipt × −maker rate / 10^12), rounded DOWN in
 * the exchange's favour, and never more than the exact fee the taker paid on the same fill. So
 * the "fee" account of every asset only ever grows by a fill, whatever the tiers and market
 * rates, and the fill's postings still sum to zero. The trade reports the rebate as a negative
 * maker fee in that asset.
 * No other rounding happens anywhere in matching.
 */

/** Denominator of a fee rate: market ppm × tier scale ppm. */
const RATE_DENOMINATOR = 1_000_000_000_000n;
const FULL_SCALE_PPM = 1_000_000;

/** Why matching stopped. */
enum Stop {
  /** Nothing left to fill: quantity done, or a quote budget that buys no further lot. */
  Done = 0,
  /** The opposite side is empty or no longer within the price limit. */
  Book = 1,
  /** Self-trade prevention cancelled the taker. */
  SelfTrade = 2,
}

/** Matches an accepted taker, then rests, completes or cancels what is left of it. */
export function executeOrder(s: CoreState, taker: Order, events: CoreEvent[]): void {
  const stop = matchOrder(s, taker, events);
  finishTaker(s, taker, stop, events);
}

/** True when `priceTicks` is acceptable to an order on `side` with limit `limitTicks`. */
function withinLimit(side: Side, priceTicks: bigint, limitTicks: bigint): boolean {
  return side === "buy" ? priceTicks <= limitTicks : priceTicks >= limitTicks;
}

function matchOrder(s: CoreState, taker: Order, events: CoreEvent[]): Stop {
  const market = taker.market;
  const book = market.book;
  const makerSide: Side = taker.side === "buy" ? "sell" : "buy";
  // Only a market buy by quote amount has a budget (a string test is cheaper than a bigint one).
  const byQuote = taker.orderType === "market" && taker.quoteAtoms > 0n;
  // The level being consumed; its book event is emitted once, when matching leaves it.
  let inLevel = false;
  let levelPrice = 0n;
  let levelLots = 0n;
  let stop = Stop.Book;
  for (;;) {
    if (!byQuote && taker.remainingLots === 0n) {
      stop = Stop.Done;
      break;
    }
    const maker = book.best(makerSide);
    if (maker === null || !withinLimit(taker.side, maker.priceTicks, taker.priceTicks)) break;
    if (maker.userId === taker.userId && taker.stp !== "none") {
      if (taker.stp === "cancelTaker") {
        stop = Stop.SelfTrade;
        break;
      }
      if (!inLevel || maker.priceTicks !== levelPrice) {
        if (inLevel) emitLevel(market, makerSide, levelPrice, levelLots, events);
        inLevel = true;
        levelPrice = maker.priceTicks;
      }
      levelLots = removeResting(s, maker, "selfTrade", events);
      s.recycleOrder(maker);
      if (taker.stp === "cancelBoth") {
        stop = Stop.SelfTrade;
        break;
      }
      continue;
    }
    const lots = fillableLots(taker, maker, byQuote);
    if (lots === 0n) {
      stop = Stop.Done;
      break;
    }
    if (!inLevel || maker.priceTicks !== levelPrice) {
      if (inLevel) emitLevel(market, makerSide, levelPrice, levelLots, events);
      inLevel = true;
      levelPrice = maker.priceTicks;
    }
    levelLots = fillOrders(s, taker, maker, lots, events);
  }
  if (inLevel) emitLevel(market, makerSide, levelPrice, levelLots, events);
  return stop;
}

/** Lots the taker takes from `maker`: its remainder, or what its quote budget buys. */
function fillableLots(taker: Order, maker: Order, byQuote: boolean): bigint {
  const lots = maker.remainingLots;
  if (byQuote) {
    const affordable = taker.frozenAtoms / (maker.priceTicks * taker.market.quotePerTickLot);
    return smaller(affordable, lots);
  }
  return smaller(taker.remainingLots, lots);
}

/**
 * `a - b`, but the shared constant `0n` when they are equal: an order's last release or fill
 * then stores no new heap bigint into the (long-lived) order, so no write barrier either.
 */
export function less(a: bigint, b: bigint): bigint {
  return a === b ? 0n : a - b;
}

/** The smaller of two bigints (`Math.min` takes numbers only). */
function smaller(a: bigint, b: bigint): bigint {
  if (a < b) return a;
  return b;
}

/** Settles one fill between `taker` and resting `maker`; returns the maker level's lots after. */
function fillOrders(
  s: CoreState,
  taker: Order,
  maker: Order,
  lots: bigint,
  events: CoreEvent[],
): bigint {
  const market = taker.market;
  if (market.perpetual !== null)
    return fillPerpetual(s, market.perpetual, taker, maker, lots, events);
  const takerRate = takerRateOf(market, taker.account.feeTier);
  const makerRate = makerRateOf(market, maker.account.feeTier);
  const priceTicks = maker.priceTicks;
  const qpt = market.quotePerTickLot;
  // Most markets are set up so one lot at one tick is one quote atom: skip that multiply.
  const quote = market.quotePerTickLotIsOne ? priceTicks * lots : priceTicks * lots * qpt;
  const base = lots * market.lotSizeAtoms;
  const takerBuys = taker.side === "buy";
  const buyer = takerBuys ? taker : maker;
  const seller = takerBuys ? maker : taker;
  const postings: Posting[] = [];
  debitFrozen(buyer.userId, market.quote, buyer.payBalance, quote, postings);
  const sellerFee = creditNetOfFee(
    seller,
    market.quote,
    quote,
    takerBuys ? makerRate : takerRate,
    postings,
  );
  debitFrozen(seller.userId, market.base, seller.payBalance, base, postings);
  const buyerFee = creditNetOfFee(
    buyer,
    market.base,
    base,
    takerBuys ? takerRate : makerRate,
    postings,
  );
  // The asset the taker received and paid its fee in: a maker's rebate is paid in it.
  const takerAsset = takerBuys ? market.base : market.quote;
  const rebate =
    makerRate < 0n
      ? payRebate(maker, takerAsset, takerBuys ? base : quote, makerRate, takerRate, postings)
      : 0n;
  buyer.frozenAtoms = less(buyer.frozenAtoms, quote);
  seller.frozenAtoms = less(seller.frozenAtoms, base);
  return recordFill(
    s,
    taker,
    maker,
    lots,
    quote,
    takerBuys ? buyerFee : sellerFee,
    takerBuys ? market.base.code : market.quote.code,
    rebate > 0n ? 0n - rebate : takerBuys ? sellerFee : buyerFee,
    rebate > 0n ? takerAsset.code : takerBuys ? market.quote.code : market.base.code,
    postings,
    events,
  );
}

/**
 * What every fill records once its money has moved (spot here, a perpetual's in the derivatives
 * module): the orders' progress, the book, the last price, the trade and fill events with the
 * fill's postings, an OCO's other order, and a filled maker's exit. Returns the maker level's
 * lots after.
 */
export function recordFill(
  s: CoreState,
  taker: Order,
  maker: Order,
  lots: bigint,
  quote: bigint,
  takerFeeAtoms: bigint,
  takerFeeAsset: string,
  makerFeeAtoms: bigint,
  makerFeeAsset: string,
  postings: Posting[],
  events: CoreEvent[],
): bigint {
  const market = taker.market;
  const priceTicks = maker.priceTicks;
  taker.filledLots += lots;
  taker.filledQuoteAtoms += quote;
  if (taker.quoteAtoms === 0n) taker.remainingLots -= lots;
  maker.filledLots += lots;
  maker.filledQuoteAtoms += quote;
  const levelLots = market.book.fill(maker, lots);
  market.lastPriceTicks = priceTicks;
  if (market.triggerCount !== 0) noteSwing(market, priceTicks);
  const tradeId = s.nextTradeId++;
  events.push({
    type: "trade",
    symbol: market.symbol,
    tradeId,
    priceTicks,
    qtyLots: lots,
    quoteAtoms: quote,
    takerSide: taker.side,
    takerOrderId: taker.id,
    takerUserId: taker.userId,
    takerFeeAtoms,
    takerFeeAsset,
    makerOrderId: maker.id,
    makerUserId: maker.userId,
    makerFeeAtoms,
    makerFeeAsset,
    ts: taker.ts,
  });
  events.push(
    fillEvent(maker.remainingLots === 0n ? "order.filled" : "order.partiallyFilled", maker),
  );
  events.push(orderBalanceChanged("trade", 0, tradeId, postings));
  // An OCO's limit order that fills, even partly, cancels the list's stop order.
  if (maker.peer !== null) dropPeer(s, maker, "oco", events);
  if (maker.remainingLots === 0n) {
    assert(maker.frozenAtoms === 0n, "filled maker still holds funds");
    forgetOrder(s, maker);
    s.recycleOrder(maker);
  }
  return levelLots;
}

/** Widens the range of trade prices that untriggered orders are checked against. */
function noteSwing(market: Market, priceTicks: bigint): void {
  if (!market.swung) {
    market.swung = true;
    market.swingLowTicks = priceTicks;
    market.swingHighTicks = priceTicks;
  } else if (priceTicks < market.swingLowTicks) market.swingLowTicks = priceTicks;
  else if (priceTicks > market.swingHighTicks) market.swingHighTicks = priceTicks;
}

/**
 * Credits `received` atoms to the order's receive balance less the fee, rounded up to the atom:
 * the exact part to "fee", the round-up atom to "rounding" (see the module comment). Returns
 * the fee charged.
 */
function creditNetOfFee(
  order: Order,
  asset: Asset,
  received: bigint,
  rate: bigint,
  postings: Posting[],
): bigint {
  // A maker with a rebate (a negative rate) receives in full; its rebate is paid by payRebate.
  if (rate <= 0n) {
    creditAvailable(order.userId, asset, order.receiveBalance, received, postings);
    return 0n;
  }
  const scaled = received * rate;
  const exact = scaled / RATE_DENOMINATOR;
  // ceil(scaled / d) = exact + 1 when the division leaves a remainder (scaled ≥ 0): one multiply
  // and compare instead of a second division, and no bigint for a round-up that is 0 or 1.
  const roundsUp = exact * RATE_DENOMINATOR !== scaled;
  const fee = roundsUp ? exact + 1n : exact;
  const net = received - fee;
  // A fee can equal a 1-atom receipt; a zero posting would only be noise.
  if (net > 0n) creditAvailable(order.userId, asset, order.receiveBalance, net, postings);
  if (exact > 0n) postFee(asset, exact, postings);
  if (roundsUp) postRounding(asset, 1n, postings);
  return fee;
}

/**
 * Pays `maker` the rebate of its negative `makerRate` on a fill whose taker received
 * `takerReceived` atoms of `asset` at `takerRate`: floor(takerReceived × −makerRate / 10^12),
 * at most the exact fee the taker was charged on it, from the "fee" account to the maker's
 * available balance of the asset it gave. Returns the rebate.
 */
function payRebate(
  maker: Order,
  asset: Asset,
  takerReceived: bigint,
  makerRate: bigint,
  takerRate: bigint,
  postings: Posting[],
): bigint {
  const owed = (takerReceived * (0n - makerRate)) / RATE_DENOMINATOR;
  const rebate = smaller(owed, (takerReceived * takerRate) / RATE_DENOMINATOR);
  if (rebate === 0n) return 0n;
  creditAvailable(maker.userId, asset, maker.payBalance, rebate, postings);
  postFee(asset, 0n - rebate, postings);
  return rebate;
}

/** The taker's rate in parts per 10^12; no multiply for the usual full-scale tier. */
export function takerRateOf(market: Market, tier: FeeTier): bigint {
  return tier.takerScalePpm === FULL_SCALE_PPM
    ? market.takerRate
    : market.takerPpm * tier.takerScale;
}

export function makerRateOf(market: Market, tier: FeeTier): bigint {
  return tier.makerScalePpm === FULL_SCALE_PPM
    ? market.makerRate
    : market.makerPpm * tier.makerScale;
}

function fillEvent(type: OrderFillEvent["type"], order: Order): OrderFillEvent {
  return {
    type,
    symbol: order.market.symbol,
    orderId: order.id,
    userId: order.userId,
    filledLots: order.filledLots,
    remainingLots: order.remainingLots,
    filledQuoteAtoms: order.filledQuoteAtoms,
  };
}

function finishTaker(s: CoreState, taker: Order, stop: Stop, events: CoreEvent[]): void {
  const filled = taker.filledLots > 0n;
  if (stop === Stop.Done && filled) {
    events.push(fillEvent("order.filled", taker));
    releaseFrozen(taker, taker.frozenAtoms, events);
    s.recycleOrder(taker);
    return;
  }
  if (filled) events.push(fillEvent("order.partiallyFilled", taker));
  if (stop === Stop.Book && taker.orderType === "limit" && taker.timeInForce === "GTC") {
    restOrder(s, taker, filled, events);
    return;
  }
  assert(taker.timeInForce !== "FOK", "fill-or-kill order left unfilled");
  events.push(cancelledEvent(taker, stop === Stop.SelfTrade ? "selfTrade" : "expired"));
  releaseFrozen(taker, taker.frozenAtoms, events);
  s.recycleOrder(taker);
}

/**
 * Puts what is left of a GTC taker on the book. A buy froze quantity × its limit price; fills at
 * better prices left the difference frozen, which is released now so the order holds exactly
 * remaining × price.
 */
function restOrder(s: CoreState, order: Order, filled: boolean, events: CoreEvent[]): void {
  const market = order.market;
  // A perpetual order's reservation shrank fill by fill in proportion: it is already exact.
  if (filled && order.side === "buy" && market.perpetual === null) {
    const hold = order.remainingLots * order.priceTicks * market.quotePerTickLot;
    assert(order.frozenAtoms >= hold, "resting buy holds less than it needs");
    releaseFrozen(order, order.frozenAtoms - hold, events);
  }
  s.orders.set(order.id, order);
  linkToAccount(order);
  const lots = market.book.add(order);
  emitLevel(market, order.side, order.priceTicks, lots, events);
}

/** Releases `amount` of what the order holds back to available, if any. */
export function releaseFrozen(order: Order, amount: bigint, events: CoreEvent[]): void {
  if (amount === 0n) return;
  const market = order.market;
  if (market.perpetual !== null) {
    releaseReservation(market.perpetual, order, amount);
    return;
  }
  const asset = order.side === "buy" ? market.quote : market.base;
  const postings = release(order.userId, asset, order.payBalance, amount);
  order.frozenAtoms = less(order.frozenAtoms, amount);
  events.push(orderBalanceChanged("order.release", order.id, 0, postings));
}

export function cancelledEvent(order: Order, reason: CancelReason): CoreEvent {
  return {
    type: "order.cancelled",
    symbol: order.market.symbol,
    orderId: order.id,
    userId: order.userId,
    reason,
    filledLots: order.filledLots,
    remainingLots: order.remainingLots,
    filledQuoteAtoms: order.filledQuoteAtoms,
  };
}

/**
 * Takes a resting order off the book, releases everything it holds and reports it cancelled.
 * Returns its level's lots after; the caller emits the level event, then recycles the order.
 */
export function removeResting(
  s: CoreState,
  order: Order,
  reason: CancelReason,
  events: CoreEvent[],
): bigint {
  const lots = order.market.book.remove(order);
  forgetOrder(s, order);
  events.push(cancelledEvent(order, reason));
  releaseFrozen(order, order.frozenAtoms, events);
  if (order.peer !== null) dropPeer(s, order, reason, events);
  return lots;
}

/**
 * Cancels an open order, on the book or waiting for its trigger, with the other order of its
 * OCO list if it has one (for the same reason), and recycles both.
 */
export function cancelOpenOrder(
  s: CoreState,
  order: Order,
  reason: CancelReason,
  events: CoreEvent[],
): void {
  const peer = order.peer;
  if (peer !== null) {
    order.peer = null;
    peer.peer = null;
  }
  withdrawOrder(s, order, reason, events);
  if (peer !== null) withdrawOrder(s, peer, reason, events);
}

/** Unlinks an OCO pair and cancels `order`'s peer: the list is done. */
export function dropPeer(
  s: CoreState,
  order: Order,
  reason: CancelReason,
  events: CoreEvent[],
): void {
  const peer = order.peer as Order;
  order.peer = null;
  peer.peer = null;
  withdrawOrder(s, peer, reason, events);
}

/** Cancels one open order (its peer already unlinked), releases its funds and recycles it. */
function withdrawOrder(
  s: CoreState,
  order: Order,
  reason: CancelReason,
  events: CoreEvent[],
): void {
  const market = order.market;
  if (order.waiting) {
    unwaitOrder(s, order);
    events.push(cancelledEvent(order, reason));
    releaseFrozen(order, order.frozenAtoms, events);
  } else {
    const lots = removeResting(s, order, reason, events);
    emitLevel(market, order.side, order.priceTicks, lots, events);
  }
  s.recycleOrder(order);
}

/** Takes a waiting order out of its trigger book and its owner's open orders. */
export function unwaitOrder(s: CoreState, order: Order): void {
  order.market.triggers.remove(order);
  forgetWaiting(s, order);
}

/** Drops an order that has left its trigger book from its owner's open orders. */
export function forgetWaiting(s: CoreState, order: Order): void {
  order.market.triggerCount -= 1;
  order.waiting = false;
  forgetOrder(s, order);
}

/** Puts an accepted stop order in its market's trigger book and its owner's open orders. */
export function waitOrder(s: CoreState, order: Order): void {
  order.waiting = true;
  s.orders.set(order.id, order);
  linkToAccount(order);
  order.market.triggers.add(order);
  order.market.triggerCount += 1;
}

function linkToAccount(order: Order): void {
  const account = order.account;
  order.userPrev = account.lastOrder;
  order.userNext = null;
  if (account.lastOrder === null) account.firstOrder = order;
  else account.lastOrder.userNext = order;
  account.lastOrder = order;
  const index = order.market.index;
  account.openOrderCounts[index] = (account.openOrderCounts[index] ?? 0) + 1;
  if (order.clientOrderId !== null) {
    if (account.clientOrderIds === null) account.clientOrderIds = new Map();
    account.clientOrderIds.set(order.clientOrderId, order);
  }
}

/** Drops a no-longer-resting order from the id index and its owner's open orders. */
function forgetOrder(s: CoreState, order: Order): void {
  s.orders.delete(order.id);
  const account = order.account;
  const { userPrev, userNext } = order;
  if (userPrev === null) account.firstOrder = userNext;
  else userPrev.userNext = userNext;
  if (userNext === null) account.lastOrder = userPrev;
  else userNext.userPrev = userPrev;
  order.userPrev = null;
  order.userNext = null;
  const counts = account.openOrderCounts;
  const index = order.market.index;
  counts[index] = (counts[index] ?? 0) - 1;
  if (order.clientOrderId !== null) account.clientOrderIds?.delete(order.clientOrderId);
}

/** Re-rests an order from a snapshot, as if it had just rested or begun waiting (restore only). */
export function restoreResting(s: CoreState, order: Order, waiting: boolean): void {
  if (waiting) {
    waitOrder(s, order);
    return;
  }
  s.orders.set(order.id, order);
  linkToAccount(order);
  order.market.book.add(order);
}

/**
 * Whether a fill-or-kill order could fill completely now, walking the book exactly as matching
 * would: own orders are skipped under "cancelMaker" and end the walk under the other modes.
 */
export function canFillCompletely(
  book: OrderBook,
  userId: number,
  side: Side,
  priceTicks: bigint,
  qtyLots: bigint,
  stp: SelfTradePrevention,
): boolean {
  let needed = qtyLots;
  let maker = book.best(side === "buy" ? "sell" : "buy");
  while (maker !== null && withinLimit(side, maker.priceTicks, priceTicks)) {
    if (maker.userId === userId && stp !== "none") {
      if (stp !== "cancelMaker") return false;
    } else {
      needed -= maker.remainingLots;
      if (needed <= 0n) return true;
    }
    maker = book.next(maker);
  }
  return false;
}
