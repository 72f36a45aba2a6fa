import type { CoreState } from "../../core-state";
import type { CoreEvent } from "../../events";
import type { FuturesCause } from "./events";
import type { FuturesAccount } from "./futures-account";
import { markMaintenanceAtoms, markPnlAtoms } from "./margin-account";
import { liquidationPriceTicks } from "./margin-math";
import type { Position } from "./perpetual";

/**
 * The margin that backs a position in its liquidation price: an isolated position's own; for a
 * cross position the wallet, plus what the account's other cross positions add (their PnL) and
 * need (their maintenance) at their marks. With other cross positions this moves with their
 * marks, so such accounts are re-indexed on every mark (`crossAccountsInSeveralContracts`).
 */
export function backingMarginAtoms(position: Position): bigint {
  if (position.mode === "isolated") return position.isolatedMarginAtoms;
  const { futures, perpetual } = position;
  let margin = futures.walletOf(perpetual.settle);
  for (const other of futures.positions) {
    if (other === position || other.mode !== "cross" || other.qtyLots === 0n) continue;
    if (other.perpetual.settle !== perpetual.settle) continue;
    margin += markPnlAtoms(other) - markMaintenanceAtoms(other);
  }
  return margin;
}

/** The position's liquidation price now (0 when flat or never liquidated). */
export function positionLiquidationTicks(position: Position): bigint {
  const { perpetual } = position;
  return liquidationPriceTicks({
    qtyLots: position.qtyLots,
    costAtoms: position.costAtoms,
    marginAtoms: backingMarginAtoms(position),
    k: perpetual.k,
    tiers: perpetual.tiers,
  });
}

/** Puts the position in its contract's liquidation index at its price now (or takes it out). */
export function indexPosition(position: Position): bigint {
  const { liquidations } = position.perpetual;
  if (position.qtyLots === 0n) {
    liquidations.remove(position.userId);
    return 0n;
  }
  const ticks = positionLiquidationTicks(position);
  liquidations.set(position.userId, position.qtyLots > 0n ? "long" : "short", ticks);
  return ticks;
}

/** Re-indexes every cross position of the account (its wallet or a cross position changed). */
export function indexCrossPositions(futures: FuturesAccount): void {
  for (const position of futures.positions) {
    if (position.mode === "cross" && position.qtyLots !== 0n) indexPosition(position);
  }
}

/** Re-indexes what a change of this position moves, and reports the position. */
export function emitPosition(
  s: CoreState,
  position: Position,
  realisedPnlAtoms: bigint,
  cause: FuturesCause,
  events: CoreEvent[],
): void {
  if (position.mode === "cross") {
    noteCrossContracts(s, position.futures);
    indexCrossPositions(position.futures);
  }
  const liquidationTicks = indexPosition(position);
  events.push({
    type: "position.changed",
    userId: position.userId,
    symbol: position.perpetual.market.symbol,
    qtyLots: position.qtyLots,
    costAtoms: position.costAtoms,
    mode: position.mode,
    leverage: position.leverage,
    isolatedMarginAtoms: position.isolatedMarginAtoms,
    realisedPnlAtoms,
    liquidationPriceTicks: liquidationTicks,
    cause,
  });
}

/** Keeps `CoreState.crossInSeveralContracts` up to date for the account. */
export function noteCrossContracts(s: CoreState, futures: FuturesAccount): void {
  let open = 0;
  for (const position of futures.positions) {
    if (position.mode === "cross" && position.qtyLots !== 0n) open += 1;
  }
  if (open > 1) s.crossInSeveralContracts.add(futures);
  else s.crossInSeveralContracts.delete(futures);
}

/** Reports a futures wallet and re-indexes its cross positions, whose margin it is. */
export function emitWallet(
  futures: FuturesAccount,
  position: Position,
  cause: FuturesCause,
  events: CoreEvent[],
): void {
  const settle = position.perpetual.settle;
  indexCrossPositions(futures);
  events.push({
    type: "futures.walletChanged",
    userId: futures.userId,
    asset: settle.code,
    walletAtoms: futures.walletOf(settle),
    cause,
  });
}
