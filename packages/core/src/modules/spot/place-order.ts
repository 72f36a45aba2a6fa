import { type CoreState, isPositiveId, isShortText, Rejection, reject } from "../../core-state";
import type { CoreEvent, OrderAcceptedEvent } from "../../events";
import type { Account, Market, Order } from "../../model";
import { RejectCode } from "../../reject-code";
import type { SelfTradePrevention, Side, TimeInForce } from "../../types";
import { freeze, orderBalanceChanged } from "../accounts/ledger";
import type { Perpetual } from "../derivatives/perpetual";
import {
  marginedAccount,
  orderReservation,
  refuseForContract,
  reserveForOrder,
} from "../derivatives/perpetual-orders";
import type {
  AnyPlaceOrderCommand,
  PlaceLimitOrderCommand,
  PlaceMarketOrderCommand,
} from "./commands";
import { refuseNewOrder } from "./market-lifecycle";
import { canFillCompletely, executeOrder } from "./match-order";
import { fireTriggers, placeStopOrder } from "./stop-orders";

/**
 * `order.place`: every check first, then freeze and match. Funds frozen on acceptance:
 * - limit buy: priceTicks × qtyLots × quotePerTickLot quote atoms (its notional);
 * - limit or market sell: qtyLots × lotSizeAtoms base atoms;
 * - market buy by quote amount: the quote amount;
 * - market buy by base quantity: qtyLots × priceLimitTicks × quotePerTickLot.
 * Whatever a finished order did not spend is released in the same command.
 */

const MAX_CLIENT_ORDER_ID_LENGTH = 64;
/**
 * The price limit of a sell with no protection price: accepts any bid. A buy with none takes
 * the market's maximum price, which no ask exceeds, so no order ever holds a price outside the
 * market's range (and none can reach an event).
 */
const UNBOUNDED_SELL_TICKS = 0n;
/** A market order's slippage allowance, in basis points of the best opposite price: 0.01 %… */
export const MIN_SLIPPAGE_BPS = 1;
/** …to 50 %, the widest the trading API offers. */
export const MAX_SLIPPAGE_BPS = 5_000;
const BPS_SCALE = 10_000n;

export function placeOrder(
  s: CoreState,
  c: AnyPlaceOrderCommand,
  events: CoreEvent[],
): Rejection | null {
  const market = s.findMarket(c.symbol);
  if (market === undefined) return reject(RejectCode.UnknownMarket, `unknown market ${c.symbol}`);
  const refused =
    refuseNewOrder(market) ??
    (market.perpetual !== null ? refuseForContract(c) : refuseReduceOnly(c));
  if (refused !== null) return refused;
  const bad = checkOrderBasics(s, c);
  if (bad !== null) return bad;
  if (c.orderType === "limit") return placeLimit(s, market, c, events);
  if (c.orderType === "market") return placeMarket(s, market, c, events);
  if (c.orderType === "stopLimit" || c.orderType === "takeProfitLimit") {
    return placeStopOrder(s, market, c, events);
  }
  return reject(
    RejectCode.InvalidOrderOptions,
    "orderType must be limit, market, stopLimit or takeProfitLimit",
  );
}

/** Reduce-only is a perpetual's option: a spot order has no position to reduce. */
function refuseReduceOnly(c: AnyPlaceOrderCommand): Rejection | null {
  if (c.reduceOnly === undefined) return null;
  return reject(RejectCode.InvalidOrderOptions, "reduceOnly applies to perpetual contracts only");
}

function isStp(value: unknown): value is SelfTradePrevention {
  return (
    value === "none" || value === "cancelTaker" || value === "cancelMaker" || value === "cancelBoth"
  );
}

export function isTimeInForce(value: unknown): value is TimeInForce {
  return value === "GTC" || value === "IOC" || value === "FOK";
}

/** Checks what limit and market orders share: user, side, self-trade mode, client order id. */
/** What every order-placing command names: whose, which side, self-trade mode, client id. */
export interface OrderBasics {
  userId: number;
  side: Side;
  stp?: SelfTradePrevention;
  clientOrderId?: string;
}

export function checkOrderBasics(s: CoreState, c: OrderBasics): Rejection | null {
  if (!isPositiveId(c.userId))
    return reject(RejectCode.InvalidCommand, "userId must be a positive integer");
  if (c.side !== "buy" && c.side !== "sell")
    return reject(RejectCode.InvalidCommand, "side must be buy or sell");
  if (c.stp !== undefined && !isStp(c.stp)) {
    return reject(RejectCode.InvalidOrderOptions, `unknown self-trade prevention ${String(c.stp)}`);
  }
  const clientOrderId = c.clientOrderId;
  if (clientOrderId === undefined) return null;
  if (!isShortText(clientOrderId, MAX_CLIENT_ORDER_ID_LENGTH)) {
    return reject(
      RejectCode.InvalidCommand,
      `clientOrderId must be 1-${MAX_CLIENT_ORDER_ID_LENGTH} characters`,
    );
  }
  if (s.accounts.get(c.userId)?.clientOrderIds?.has(clientOrderId)) {
    return reject(
      RejectCode.DuplicateClientOrderId,
      `an open order already has clientOrderId ${clientOrderId}`,
    );
  }
  return null;
}

export function checkQuantity(market: Market, qtyLots: unknown): Rejection | null {
  if (typeof qtyLots !== "bigint" || qtyLots <= 0n) {
    return reject(RejectCode.InvalidQuantity, "quantity must be a positive bigint of lots");
  }
  if (qtyLots < market.minQtyLots) {
    return reject(
      RejectCode.QuantityBelowMin,
      `quantity ${qtyLots} lots is below the minimum ${market.minQtyLots}`,
    );
  }
  if (qtyLots > market.maxQtyLots) {
    return reject(
      RejectCode.QuantityAboveMax,
      `quantity ${qtyLots} lots is above the maximum ${market.maxQtyLots}`,
    );
  }
  return null;
}

export function checkPrice(market: Market, priceTicks: unknown, what: string): Rejection | null {
  if (typeof priceTicks !== "bigint" || priceTicks <= 0n) {
    return reject(RejectCode.InvalidPrice, `${what} must be a positive bigint of ticks`);
  }
  if (priceTicks > market.maxPriceTicks) {
    return reject(
      RejectCode.PriceAboveMax,
      `${what} ${priceTicks} ticks is above the maximum ${market.maxPriceTicks}`,
    );
  }
  return null;
}

export function checkMaxNotional(market: Market, notional: bigint, what: string): Rejection | null {
  if (notional > market.maxNotionalAtoms) {
    return reject(
      RejectCode.NotionalAboveMax,
      `${what} ${notional} is above the maximum ${market.maxNotionalAtoms} quote atoms`,
    );
  }
  return null;
}

/** A GTC order may rest, so it needs room among the user's open orders in the market. */
export function checkOpenOrders(market: Market, account: Account): Rejection | null {
  if ((account.openOrderCounts[market.index] ?? 0) < market.maxOpenOrders) return null;
  return reject(
    RejectCode.TooManyOpenOrders,
    `${market.maxOpenOrders} open orders in ${market.symbol} is the maximum; cancel one first`,
  );
}

/** The user's account if its available balance covers `amount` of what the order pays with. */
export function fundedAccount(
  s: CoreState,
  market: Market,
  c: OrderBasics,
  amount: bigint,
): Account | Rejection {
  const asset = c.side === "buy" ? market.quote : market.base;
  const account = s.accounts.get(c.userId);
  const available = account?.balances[asset.index]?.available ?? 0n;
  if (account === undefined || available < amount) {
    return reject(
      RejectCode.InsufficientBalance,
      `order needs ${amount} ${asset.code} atoms, ${available} available`,
    );
  }
  return account;
}

export function placeLimit(
  s: CoreState,
  market: Market,
  c: PlaceLimitOrderCommand,
  events: CoreEvent[],
): Rejection | null {
  const bad = checkPrice(market, c.priceTicks, "price") ?? checkQuantity(market, c.qtyLots);
  if (bad !== null) return bad;
  const timeInForce = c.timeInForce ?? "GTC";
  if (!isTimeInForce(timeInForce)) {
    return reject(RejectCode.InvalidOrderOptions, `unknown time in force ${String(timeInForce)}`);
  }
  const postOnly = c.postOnly === true;
  if (postOnly && timeInForce !== "GTC") {
    return reject(RejectCode.InvalidOrderOptions, "a post-only order must be GTC");
  }
  const notional = notionalOf(market, c.priceTicks, c.qtyLots);
  if (market.checksMinNotional && notional < market.minNotionalAtoms) {
    return reject(
      RejectCode.NotionalBelowMin,
      `order value ${notional} is below the minimum ${market.minNotionalAtoms} quote atoms`,
    );
  }
  const tooLarge = checkMaxNotional(market, notional, "order value");
  if (tooLarge !== null) return tooLarge;
  const perpetual = market.perpetual;
  const frozen =
    perpetual !== null
      ? orderReservation(s, perpetual, c, c.priceTicks, c.qtyLots)
      : c.side === "buy"
        ? notional
        : c.qtyLots * market.lotSizeAtoms;
  const account =
    perpetual !== null
      ? marginedAccount(s, perpetual, c, frozen, c.qtyLots, timeInForce !== "GTC")
      : fundedAccount(s, market, c, frozen);
  if (account instanceof Rejection) return account;
  if (timeInForce === "GTC") {
    const full = checkOpenOrders(market, account);
    if (full !== null) return full;
  }
  const stp = c.stp ?? "cancelTaker";
  if (postOnly && wouldTake(market, c.side, c.priceTicks)) {
    return reject(RejectCode.PostOnlyWouldTake, "a post-only order would trade on arrival");
  }
  if (
    timeInForce === "FOK" &&
    !canFillCompletely(market.book, c.userId, c.side, c.priceTicks, c.qtyLots, stp)
  ) {
    return reject(RejectCode.FokNotFillable, "a fill-or-kill order cannot fill completely now");
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
    postOnly,
    stp,
    c.clientOrderId ?? null,
    c.ts,
  );
  acceptOrder(s, order, c.priceTicks, frozen, events);
  executeOrder(s, order, events);
  if (market.swung) fireTriggers(s, market, c.ts, events);
  return null;
}

/**
 * A limit price and quantity against the market's rules (as `placeLimit` checks them): returns
 * the order's value in quote atoms, or why not.
 */
export function checkLimitTerms(
  market: Market,
  priceTicks: unknown,
  qtyLots: unknown,
  what: string,
): bigint | Rejection {
  const bad = checkPrice(market, priceTicks, what) ?? checkQuantity(market, qtyLots);
  if (bad !== null) return bad;
  const notional = notionalOf(market, priceTicks as bigint, qtyLots as bigint);
  if (market.checksMinNotional && notional < market.minNotionalAtoms) {
    return reject(
      RejectCode.NotionalBelowMin,
      `order value ${notional} is below the minimum ${market.minNotionalAtoms} quote atoms`,
    );
  }
  return checkMaxNotional(market, notional, "order value") ?? notional;
}

/** Quote value of a quantity at a price, skipping the multiply when one tick-lot is one atom. */
export function notionalOf(market: Market, priceTicks: bigint, qtyLots: bigint): bigint {
  return market.quotePerTickLotIsOne
    ? priceTicks * qtyLots
    : priceTicks * qtyLots * market.quotePerTickLot;
}

export function wouldTake(market: Market, side: Side, priceTicks: bigint): boolean {
  const best = market.book.best(side === "buy" ? "sell" : "buy");
  if (best === null) return false;
  return side === "buy" ? best.priceTicks <= priceTicks : best.priceTicks >= priceTicks;
}

/** What `order.place` is frozen for, given a market order's size; see the module comment. */
function marketOrderFreeze(
  market: Market,
  c: PlaceMarketOrderCommand,
  limitTicks: bigint | undefined,
): bigint | Rejection {
  if (c.quoteAtoms !== undefined) {
    if (c.side !== "buy")
      return reject(RejectCode.InvalidOrderOptions, "only a buy can give a quote amount");
    if (typeof c.quoteAtoms !== "bigint" || c.quoteAtoms <= 0n) {
      return reject(RejectCode.InvalidQuantity, "quote amount must be a positive bigint of atoms");
    }
    if (c.quoteAtoms < market.minNotionalAtoms) {
      return reject(
        RejectCode.NotionalBelowMin,
        `quote amount ${c.quoteAtoms} is below the minimum ${market.minNotionalAtoms}`,
      );
    }
    return checkMaxNotional(market, c.quoteAtoms, "quote amount") ?? c.quoteAtoms;
  }
  const bad = checkQuantity(market, c.qtyLots);
  if (bad !== null) return bad;
  const qtyLots = c.qtyLots as bigint;
  if (c.side === "sell") return qtyLots * market.lotSizeAtoms;
  if (limitTicks === undefined) {
    return reject(RejectCode.PriceLimitRequired, "a market buy by quantity needs priceLimitTicks");
  }
  const notional = qtyLots * limitTicks * market.quotePerTickLot;
  return checkMaxNotional(market, notional, "order value at the protection price") ?? notional;
}

/**
 * A market order's protection price: its `priceLimitTicks`, or, given `slippageBps`, the best
 * opposite price at this moment (the moment it matches) moved by that many basis points.
 * Rounded to whole ticks toward the best price — down for a buy, up for a sell — so the bound
 * is never looser than asked: a buy never fills above best × (1 + bps / 10 000), a sell never
 * below best × (1 − bps / 10 000). Capped at the market's maximum price, above which no order
 * rests, so the cap loosens nothing. Undefined when the order gives neither (no protection: a
 * sell, or a buy by quote amount, as journals written before slippage hold them).
 */
function protectionPrice(
  market: Market,
  c: PlaceMarketOrderCommand,
): bigint | undefined | Rejection {
  const bps = c.slippageBps;
  if (bps === undefined) return c.priceLimitTicks;
  if (c.priceLimitTicks !== undefined) {
    return reject(RejectCode.InvalidOrderOptions, "give priceLimitTicks or slippageBps, not both");
  }
  if (!Number.isSafeInteger(bps) || bps < MIN_SLIPPAGE_BPS || bps > MAX_SLIPPAGE_BPS) {
    return reject(
      RejectCode.InvalidOrderOptions,
      `slippageBps must be an integer in ${MIN_SLIPPAGE_BPS}..${MAX_SLIPPAGE_BPS}`,
    );
  }
  const best = market.book.best(c.side === "buy" ? "sell" : "buy");
  if (best === null) {
    return reject(
      RejectCode.PriceLimitRequired,
      "no best price to measure slippage from: the other side of the book is empty",
    );
  }
  const allowance = BigInt(bps);
  if (c.side === "buy") {
    const limit = (best.priceTicks * (BPS_SCALE + allowance)) / BPS_SCALE;
    return limit > market.maxPriceTicks ? market.maxPriceTicks : limit;
  }
  const scaled = best.priceTicks * (BPS_SCALE - allowance);
  // A ceiling division; at most 50 % below a price of at least one tick, so at least one tick.
  return (scaled + BPS_SCALE - 1n) / BPS_SCALE;
}

function placeMarket(
  s: CoreState,
  market: Market,
  c: PlaceMarketOrderCommand,
  events: CoreEvent[],
): Rejection | null {
  if ((c.qtyLots === undefined) === (c.quoteAtoms === undefined)) {
    return reject(
      RejectCode.InvalidOrderOptions,
      "a market order gives exactly one of qtyLots and quoteAtoms",
    );
  }
  if (c.priceLimitTicks !== undefined) {
    const bad = checkPrice(market, c.priceLimitTicks, "priceLimitTicks");
    if (bad !== null) return bad;
  }
  const limitTicks = protectionPrice(market, c);
  if (limitTicks instanceof Rejection) return limitTicks;
  const perpetual = market.perpetual;
  const frozen =
    perpetual !== null
      ? perpetualMarketReservation(s, perpetual, c, limitTicks)
      : marketOrderFreeze(market, c, limitTicks);
  if (typeof frozen !== "bigint") return frozen;
  const account =
    perpetual !== null
      ? marginedAccount(s, perpetual, c, frozen, c.qtyLots ?? 0n, true)
      : fundedAccount(s, market, c, frozen);
  if (account instanceof Rejection) return account;
  const unbounded = c.side === "buy" ? market.maxPriceTicks : UNBOUNDED_SELL_TICKS;
  const order = s.takeOrder(
    account,
    market,
    c.side,
    "market",
    limitTicks ?? unbounded,
    c.qtyLots ?? 0n,
    c.quoteAtoms ?? 0n,
    "IOC",
    false,
    c.stp ?? "cancelTaker",
    c.clientOrderId ?? null,
    c.ts,
  );
  acceptOrder(s, order, limitTicks ?? 0n, frozen, events);
  executeOrder(s, order, events);
  if (market.swung) fireTriggers(s, market, c.ts, events);
  return null;
}

/** A perpetual market order's reservation, priced at its protection price (see perpetual-orders.ts). */
function perpetualMarketReservation(
  s: CoreState,
  perpetual: Perpetual,
  c: PlaceMarketOrderCommand,
  limitTicks: bigint | undefined,
): bigint | Rejection {
  const bad = checkQuantity(perpetual.market, c.qtyLots);
  if (bad !== null) return bad;
  const priceTicks = limitTicks as bigint;
  const qtyLots = c.qtyLots as bigint;
  const notional = notionalOf(perpetual.market, priceTicks, qtyLots);
  return (
    checkMaxNotional(perpetual.market, notional, "order value at the protection price") ??
    orderReservation(s, perpetual, c, priceTicks, qtyLots)
  );
}

/**
 * Reports the order accepted and freezes its funds (a perpetual's order reserves margin
 * instead); `listId` for an OCO's limit order.
 */
export function acceptOrder(
  s: CoreState,
  order: Order,
  shownPriceTicks: bigint,
  frozen: bigint,
  events: CoreEvent[],
  listId?: number,
): void {
  const market = order.market;
  const accepted: OrderAcceptedEvent = {
    type: "order.accepted",
    symbol: market.symbol,
    orderId: order.id,
    userId: order.userId,
    clientOrderId: order.clientOrderId,
    side: order.side,
    orderType: order.orderType,
    priceTicks: shownPriceTicks,
    qtyLots: order.qtyLots,
    quoteAtoms: order.quoteAtoms,
    timeInForce: order.timeInForce,
    postOnly: order.postOnly,
    stp: order.stp,
    frozenAtoms: frozen,
    ts: order.ts,
  };
  if (listId !== undefined) accepted.listId = listId;
  events.push(accepted);
  if (market.perpetual !== null) {
    reserveForOrder(s, market.perpetual, order, frozen);
    return;
  }
  const asset = order.side === "buy" ? market.quote : market.base;
  const postings = freeze(order.userId, asset, order.payBalance, frozen);
  order.frozenAtoms = frozen;
  events.push(orderBalanceChanged("order.freeze", order.id, 0, postings));
}
