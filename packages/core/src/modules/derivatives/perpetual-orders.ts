import { type CoreState, type Rejection, reject } from "../../core-state";
import type { Account, Order } from "../../model";
import { RejectCode } from "../../reject-code";
import type { AnyPlaceOrderCommand } from "../spot/commands";
import { takerRateOf } from "../spot/match-order";
import { availableMarginAtoms } from "./margin-account";
import { divCeil, initialMarginAtoms, openLossAtoms } from "./margin-math";
import { defaultLeverage, type Perpetual } from "./perpetual";

/**
 * Orders on a perpetual's book are the spot module's orders (limit, market, post-only, IOC /
 * FOK, self-trade prevention) with two differences: they reserve margin in the futures wallet
 * instead of freezing a balance, and they may be reduce-only. Stop and take-profit orders are
 * offered too (`perpetual-stops.ts`); OCO lists, amending and buying by quote amount are refused
 * (901) for now; a market order needs a protection price (its reservation is priced at it).
 *
 * An order reserves the initial margin of its notional at its price and the user's leverage,
 * and the taker fee on it, both rounded UP: ⌈N / L⌉ + ⌈N × taker rate⌉, and the loss it would
 * open with against the mark (a buy above it, a sell below: `openLossAtoms`). A reduce-only order
 * reserves nothing; it must be immediate (IOC, FOK or market) and no larger than the position
 * it reduces, so its fills only ever reduce (a reduce-only stop order is clipped again when it
 * triggers).
 */

/** Why a perpetual refuses this order outright, or null. */
export function refuseForContract(c: AnyPlaceOrderCommand): Rejection | null {
  if (c.orderType === "market") {
    if (c.quoteAtoms !== undefined) {
      return reject(
        RejectCode.NotForContracts,
        "a perpetual order gives a quantity, not a quote amount",
      );
    }
    if (c.priceLimitTicks === undefined && c.slippageBps === undefined) {
      return reject(
        RejectCode.PriceLimitRequired,
        "a market order on a perpetual needs priceLimitTicks or slippageBps",
      );
    }
  }
  if (c.reduceOnly !== undefined && typeof c.reduceOnly !== "boolean") {
    return reject(RejectCode.InvalidOrderOptions, "reduceOnly must be a boolean");
  }
  return null;
}

/** What an order of `qtyLots` at `priceTicks` reserves (0 for reduce-only). */
export function orderReservation(
  s: CoreState,
  perpetual: Perpetual,
  c: { userId: number; side: "buy" | "sell"; reduceOnly?: boolean },
  priceTicks: bigint,
  qtyLots: bigint,
): bigint {
  if (c.reduceOnly === true) return 0n;
  const notional = priceTicks * qtyLots * perpetual.k;
  const leverage =
    perpetual.positions.get(c.userId)?.leverage ?? defaultLeverage(perpetual.terms.maxLeverage);
  const tier = s.accounts.get(c.userId)?.feeTier ?? s.defaultFeeTier();
  const fee = divCeil(notional * takerRateOf(perpetual.market, tier), 1_000_000_000_000n);
  const { markTicks, k } = perpetual;
  const openLoss = openLossAtoms({ side: c.side, priceTicks, markTicks, qtyLots, k });
  return initialMarginAtoms(notional, leverage) + fee + openLoss;
}

/**
 * The user's account if the futures account can carry the order: its reservation within what
 * is available, or, reduce-only, an opposite position at least as large and an immediate order.
 */
export function marginedAccount(
  s: CoreState,
  perpetual: Perpetual,
  c: { userId: number; side: "buy" | "sell"; reduceOnly?: boolean },
  reservation: bigint,
  qtyLots: bigint,
  immediate: boolean,
): Account | Rejection {
  const account = s.accounts.get(c.userId);
  const futures = s.futuresAccounts.get(c.userId);
  if (account === undefined || futures === undefined) {
    return reject(RejectCode.InsufficientMargin, "no futures wallet: transfer margin in first");
  }
  if (c.reduceOnly === true) {
    const qty = perpetual.positions.get(c.userId)?.qtyLots ?? 0n;
    const reduces = c.side === "buy" ? qty < 0n && qtyLots <= -qty : qty > 0n && qtyLots <= qty;
    if (!reduces) {
      return reject(
        RejectCode.ReduceOnlyWouldIncrease,
        "a reduce-only order must be opposite to the position and no larger",
      );
    }
    if (!immediate) {
      return reject(
        RejectCode.InvalidOrderOptions,
        "a reduce-only order must be IOC, FOK or market",
      );
    }
    return account;
  }
  const available = availableMarginAtoms(futures, perpetual.settle);
  if (available < reservation) {
    return reject(
      RejectCode.InsufficientMargin,
      `order needs ${reservation} ${perpetual.settle.code} atoms of margin, ${available} available`,
    );
  }
  return account;
}

/** Reserves an accepted order's margin (every check has passed: the position may be created). */
export function reserveForOrder(
  s: CoreState,
  perpetual: Perpetual,
  order: Order,
  reservation: bigint,
): void {
  const position = perpetual.positionOf(s.futuresAccountFor(order.userId));
  position.orderMarginAtoms += reservation;
  order.frozenAtoms = reservation;
}
