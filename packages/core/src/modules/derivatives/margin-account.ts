import type { Asset } from "../../model";
import type { FuturesAccount } from "./futures-account";
import {
  initialMarginAtoms,
  maintenanceAtoms,
  notionalAtoms,
  unrealisedPnlAtoms,
} from "./margin-math";
import type { Position } from "./perpetual";

/**
 * A futures account's margin, per settle asset, from its wallet W and positions:
 * - isolated positions hold margin of their own, already moved out of W;
 * - cross positions share W: the cross margin balance is W + their unrealised PnL at the mark;
 * - open orders reserve part of W (`Position.orderMarginAtoms`).
 * What the account can still commit (to an order, or move back to spot) is
 *   available = W − reserved − Σ cross initial margin at the mark + min(0, Σ cross PnL):
 * a loss counts at once, a profit only once it is realised.
 * Before a contract has a mark, its positions count at their entry price (no PnL).
 */

/** A position's notional at its contract's mark, or at its entry before there is a mark. */
export function markNotionalAtoms(position: Position): bigint {
  const { markTicks, k } = position.perpetual;
  if (markTicks === 0n) return position.costAtoms < 0n ? -position.costAtoms : position.costAtoms;
  return notionalAtoms(markTicks, position.qtyLots, k);
}

/** A position's unrealised PnL at its contract's mark (0 before there is a mark). */
export function markPnlAtoms(position: Position): bigint {
  const { markTicks, k } = position.perpetual;
  if (markTicks === 0n || position.qtyLots === 0n) return 0n;
  return unrealisedPnlAtoms(markTicks, position.qtyLots, position.costAtoms, k);
}

/** A position's maintenance margin at its contract's mark. */
export function markMaintenanceAtoms(position: Position): bigint {
  if (position.qtyLots === 0n) return 0n;
  return maintenanceAtoms(position.perpetual.tiers, markNotionalAtoms(position));
}

/** The account's cross positions in `settle`, summed: PnL, initial margin and maintenance. */
export function crossTotals(
  futures: FuturesAccount,
  settle: Asset,
): { pnlAtoms: bigint; initialAtoms: bigint; maintenanceAtoms: bigint } {
  let pnlAtoms = 0n;
  let initialAtoms = 0n;
  let maintenance = 0n;
  for (const position of futures.positions) {
    if (position.mode !== "cross" || position.qtyLots === 0n) continue;
    if (position.perpetual.settle !== settle) continue;
    pnlAtoms += markPnlAtoms(position);
    initialAtoms += initialMarginAtoms(markNotionalAtoms(position), position.leverage);
    maintenance += markMaintenanceAtoms(position);
  }
  return { pnlAtoms, initialAtoms, maintenanceAtoms: maintenance };
}

/** What the account's open orders in `settle` contracts reserve. */
export function reservedAtoms(futures: FuturesAccount, settle: Asset): bigint {
  let reserved = 0n;
  for (const position of futures.positions) {
    if (position.perpetual.settle === settle) reserved += position.orderMarginAtoms;
  }
  return reserved;
}

/** What the account can still commit in `settle` (may be negative after a loss). */
export function availableMarginAtoms(futures: FuturesAccount, settle: Asset): bigint {
  const cross = crossTotals(futures, settle);
  const loss = cross.pnlAtoms < 0n ? cross.pnlAtoms : 0n;
  return futures.walletOf(settle) - reservedAtoms(futures, settle) - cross.initialAtoms + loss;
}

/** The cross margin balance: wallet plus the cross positions' unrealised PnL. */
export function crossMarginBalanceAtoms(futures: FuturesAccount, settle: Asset): bigint {
  return futures.walletOf(settle) + crossTotals(futures, settle).pnlAtoms;
}
