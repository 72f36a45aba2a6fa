import type { CoreState } from "../../core-state";
import type { CoreEvent } from "../../events";
import type { Order } from "../../model";
import { cancelledEvent, cancelOpenOrder } from "../spot/match-order";
import type { Perpetual, Position } from "./perpetual";

/**
 * Stop-limit and take-profit-limit orders on a perpetual (issue 20 §2), on the spot module's
 * trigger book (`spot/stop-orders.ts`): they trigger on the contract's LAST TRADE price, as
 * Binance's futures do by default (working type CONTRACT_PRICE), not on the mark price, so a
 * trigger is always a trade this engine printed and replays exactly.
 *
 * - A plain stop order reserves its margin when placed, as a limit order at its limit price
 *   would (`orderReservation`), and keeps exactly that reservation when it triggers: it then
 *   works as that limit order. Nothing is frozen in spot balances.
 * - A reduce-only stop order reserves nothing, so it must be IOC or FOK (a "stop-market with a
 *   protection price"): it can never rest, and so can never be left holding a position open.
 *   When placed it must be opposite to the position and no larger. When it triggers, its
 *   quantity is clipped to the position then (expired when the position is flat or on its own
 *   side), so whatever happened in between, it can only ever reduce.
 * - Close-position: when a position goes flat or flips side (a fill, a liquidation, auto-
 *   deleveraging), its owner's waiting reduce-only stop orders on the contract that can no
 *   longer reduce anything are cancelled ("positionClosed"), as Binance cancels closePosition
 *   TP/SL orders: the take-profit that closed a long takes its stop-loss with it.
 *
 * Only a reduce-only order reserves nothing: any other reserves at least the one atom of its
 * initial margin (⌈notional / leverage⌉ of a notional ≥ 1). So a waiting perpetual order is
 * reduce-only exactly when it holds 0 atoms, which no snapshot needs to store apart.
 */

/** Whether a waiting perpetual stop order is reduce-only (see the module comment). */
export function isReduceOnlyStop(order: Order): boolean {
  return order.frozenAtoms === 0n;
}

/** Lots of the user's position a `side` order can reduce: 0 when flat or on that side. */
function reducibleLots(perpetual: Perpetual, userId: number, side: "buy" | "sell"): bigint {
  const qty = perpetual.positions.get(userId)?.qtyLots ?? 0n;
  if (side === "sell") return qty > 0n ? qty : 0n;
  return qty < 0n ? -qty : 0n;
}

/**
 * Readies a just-triggered perpetual stop order to work: a reduce-only one is clipped to the
 * position, or expired (and recycled) when there is nothing left to reduce; its reservation is
 * left as placed. Returns false when the order is gone.
 */
export function readyTriggeredStop(
  s: CoreState,
  perpetual: Perpetual,
  order: Order,
  events: CoreEvent[],
): boolean {
  if (!isReduceOnlyStop(order)) return true;
  const reducible = reducibleLots(perpetual, order.userId, order.side);
  if (reducible === 0n) {
    events.push(cancelledEvent(order, "expired"));
    s.recycleOrder(order);
    return false;
  }
  if (order.remainingLots > reducible) order.remainingLots = reducible;
  return true;
}

/**
 * Cancels the owner's waiting reduce-only stop orders on the position's contract that can no
 * longer reduce it (it is flat, or on their side). Called after a position changed; cheap when
 * the contract has no waiting stop order at all.
 */
export function cancelStrandedStops(s: CoreState, position: Position, events: CoreEvent[]): void {
  const market = position.perpetual.market;
  if (market.triggerCount === 0) return;
  const account = s.accounts.get(position.userId);
  if (account === undefined) return;
  let stranded: Order[] | null = null;
  for (let order = account.firstOrder; order !== null; order = order.userNext) {
    if (order.market !== market || !order.waiting || !isReduceOnlyStop(order)) continue;
    if (reducibleLots(position.perpetual, order.userId, order.side) !== 0n) continue;
    stranded ??= [];
    stranded.push(order);
  }
  if (stranded === null) return;
  for (const order of stranded) cancelOpenOrder(s, order, "positionClosed", events);
}
