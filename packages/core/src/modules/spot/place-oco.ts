import { type CoreState, isShortText, Rejection, reject } from "../../core-state";
import type { CoreEvent } from "../../events";
import { type Account, type Market, STOP_LOSS } from "../../model";
import { RejectCode } from "../../reject-code";
import type { PlaceOcoOrderCommand } from "./commands";
import { refuseNewOrder } from "./market-lifecycle";
import { executeOrder } from "./match-order";
import {
  acceptOrder,
  checkLimitTerms,
  checkOrderBasics,
  checkPrice,
  fundedAccount,
  isTimeInForce,
  wouldTake,
} from "./place-order";
import { acceptWaitingOrder, wouldTriggerNow } from "./stop-orders";

/**
 * `order.placeOco`: a post-only limit order and a stop-loss limit order of the same side and
 * quantity, linked (see `PlaceOcoOrderCommand`). Checks, as Binance's OCO: a sell's limit price
 * above its stop price, a buy's below (`InvalidOcoPrices`); the limit order must not trade on
 * arrival (`PostOnlyWouldTake`) and the stop must not trigger at once (`StopWouldTriggerNow`).
 *
 * One hold for the list, the larger of the two needs: a sell's is the quantity of base either
 * way; a buy's `qty × max(limit price, stop limit price)` of quote. The limit order holds its own
 * need, the stop order the rest (often 0); when the stop triggers it takes the limit order's
 * share over (see `stop-orders.ts`), and when the limit order fills the stop order's share is
 * released with it.
 */
export function placeOco(
  s: CoreState,
  c: PlaceOcoOrderCommand,
  events: CoreEvent[],
): Rejection | null {
  const checked = checkOco(s, c);
  if (checked instanceof Rejection) return checked;
  const { market, account, limitNeed, stopNeed } = checked;
  const limit = s.takeOrder(
    account,
    market,
    c.side,
    "limit",
    c.priceTicks,
    c.qtyLots,
    0n,
    "GTC",
    true,
    c.stp ?? "cancelTaker",
    c.clientOrderId ?? null,
    c.ts,
  );
  limit.listId = limit.id;
  const stop = s.takeOrder(
    account,
    market,
    c.side,
    "limit",
    c.stopLimitPriceTicks,
    c.qtyLots,
    0n,
    c.stopTimeInForce ?? "GTC",
    false,
    c.stp ?? "cancelTaker",
    c.stopClientOrderId ?? null,
    c.ts,
  );
  stop.listId = limit.id;
  acceptOrder(s, limit, c.priceTicks, limitNeed, events, limit.listId);
  // Checked above not to trade: this only rests it.
  executeOrder(s, limit, events);
  const extra = stopNeed > limitNeed ? stopNeed - limitNeed : 0n;
  acceptWaitingOrder(s, stop, STOP_LOSS, c.stopPriceTicks, extra, events);
  limit.peer = stop;
  stop.peer = limit;
  return null;
}

interface CheckedOco {
  market: Market;
  account: Account;
  limitNeed: bigint;
  stopNeed: bigint;
}

function checkOco(s: CoreState, c: PlaceOcoOrderCommand): CheckedOco | Rejection {
  const market = s.findMarket(c.symbol);
  if (market === undefined) return reject(RejectCode.UnknownMarket, `unknown market ${c.symbol}`);
  if (market.perpetual !== null) {
    return reject(RejectCode.NotForContracts, "OCO lists are not offered on perpetual contracts");
  }
  const refused = refuseNewOrder(market);
  if (refused !== null) return refused;
  const basics = checkOrderBasics(s, c) ?? checkStopClientId(s, c);
  if (basics !== null) return basics;
  const limitValue = checkLimitTerms(market, c.priceTicks, c.qtyLots, "price");
  if (limitValue instanceof Rejection) return limitValue;
  const stopValue = checkLimitTerms(market, c.stopLimitPriceTicks, c.qtyLots, "stop limit price");
  if (stopValue instanceof Rejection) return stopValue;
  const badStop = checkPrice(market, c.stopPriceTicks, "stop price");
  if (badStop !== null) return badStop;
  const stopTif = c.stopTimeInForce ?? "GTC";
  if (!isTimeInForce(stopTif)) {
    return reject(RejectCode.InvalidOrderOptions, `unknown time in force ${String(stopTif)}`);
  }
  const ordered =
    c.side === "sell" ? c.priceTicks > c.stopPriceTicks : c.priceTicks < c.stopPriceTicks;
  if (!ordered) {
    return reject(
      RejectCode.InvalidOcoPrices,
      `an OCO ${c.side}'s limit price must be ${c.side === "sell" ? "above" : "below"} its stop price`,
    );
  }
  const base = c.qtyLots * market.lotSizeAtoms;
  const limitNeed = c.side === "buy" ? limitValue : base;
  const stopNeed = c.side === "buy" ? stopValue : base;
  const account = fundedAccount(s, market, c, larger(limitNeed, stopNeed));
  if (account instanceof Rejection) return account;
  return checkOcoPlacement(market, account, c) ?? { market, account, limitNeed, stopNeed };
}

/** Room for two open orders, a limit order that would not trade, a stop that would not trigger. */
function checkOcoPlacement(
  market: Market,
  account: Account,
  c: PlaceOcoOrderCommand,
): Rejection | null {
  if ((account.openOrderCounts[market.index] ?? 0) + 2 > market.maxOpenOrders) {
    return reject(
      RejectCode.TooManyOpenOrders,
      `an OCO needs room for 2 open orders in ${market.symbol} (at most ${market.maxOpenOrders})`,
    );
  }
  if (wouldTake(market, c.side, c.priceTicks)) {
    return reject(RejectCode.PostOnlyWouldTake, "the OCO's limit order would trade on arrival");
  }
  if (wouldTriggerNow(market, STOP_LOSS, c.side, c.stopPriceTicks)) {
    return reject(
      RejectCode.StopWouldTriggerNow,
      `the last trade price ${market.lastPriceTicks} already meets the stop price ${c.stopPriceTicks}`,
    );
  }
  return null;
}

/** The stop order's client id: valid, not open already, not the limit order's. */
function checkStopClientId(s: CoreState, c: PlaceOcoOrderCommand): Rejection | null {
  const id = c.stopClientOrderId;
  if (id === undefined) return null;
  if (!isShortText(id, 64)) {
    return reject(RejectCode.InvalidCommand, "stopClientOrderId must be 1-64 characters");
  }
  if (id === c.clientOrderId || s.accounts.get(c.userId)?.clientOrderIds?.has(id)) {
    return reject(
      RejectCode.DuplicateClientOrderId,
      `an open order already has clientOrderId ${id}`,
    );
  }
  return null;
}

/** The larger of two bigints (`Math.max` takes numbers only). */
function larger(a: bigint, b: bigint): bigint {
  if (a > b) return a;
  return b;
}
