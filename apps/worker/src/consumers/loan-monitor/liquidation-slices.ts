import {
  bankruptcyPriceAtoms,
  collateralValueAtoms,
  divCeil,
  liquidationFeeAtoms,
  maxAtoms,
  minAtoms,
  PPM,
} from "@exchange/core";

/**
 * How the loan monitor sizes and prices a liquidation slice. A slice sells at most
 * SLICE_SHARE_PPM of the collateral the liquidation began with (so one sale does not sweep a
 * thin book, and a liquidation takes a handful of slices, not a shrinking tail of them), and no
 * more than the book's bids absorb at or above the limit. The limit is the index less a band
 * (LIMIT_BAND_PPM), never below the remaining bankruptcy price — the price at which what is
 * left of the collateral still pays what is left of the debt — unless an operator approved
 * selling below it (the engine enforces the same floor). When no bid stands at or above the
 * floor, the slice waits (for bids, or for the approval).
 *
 * A slice sells no more than what is still owed (debt, liquidation fee, and a margin for the
 * taker fee, TAKER_FEE_MARGIN_PPM) needs at the limit: the collateral not needed goes back to
 * the borrower when the engine settles, rather than being sold for a cash surplus.
 *
 * Every slice is an order the market takes (whole lots, its minimum quantity and minimum order
 * value at the limit): a refused order would be refused again at every step. Collateral the
 * market would not take at the index (the engine's own test of dust) is not sold: the next
 * slice settles the loan with it. A slice that would leave such dust behind takes it along.
 */

/** A slice sells at most a quarter of the collateral the liquidation began with. */
export const SLICE_SHARE_PPM = 250_000n;
/** Selling for what is owed, 1 % more: the taker fee comes off the proceeds. */
export const TAKER_FEE_MARGIN_PPM = 10_000n;
/** The limit sits 5 % under the index. */
export const LIMIT_BAND_PPM = 50_000n;

export interface BookBid {
  /** Loan-asset atoms per whole unit of the collateral. */
  priceAtoms: bigint;
  /** Collateral atoms bid at that price. */
  qtyAtoms: bigint;
}

export interface SliceInput {
  debtAtoms: bigint;
  /** The loan's liquidation fee, a share of the debt (owed on top of it). */
  liquidationFeePpm: bigint;
  proceedsAtoms: bigint;
  collateralAtoms: bigint;
  /** The most one slice sells: `sliceCap` of the collateral when the liquidation began. */
  sliceCapAtoms: bigint;
  collateralPrecision: number;
  indexPriceAtoms: bigint;
  /** The book's bids, best first. */
  bids: readonly BookBid[];
  /** The market's lot size (a slice is whole lots) and minimum order in atoms. */
  lotSizeAtoms: bigint;
  minQtyAtoms: bigint;
  /** The market's tick (the engine rounds a limit up to one), loan-asset atoms. */
  tickSizeAtoms: bigint;
  /** The market's minimum order value, loan-asset atoms (0: none). */
  minNotionalAtoms: bigint;
  belowBankruptcyApproved: boolean;
}

export type SlicePlan =
  | { kind: "sell"; qtyAtoms: bigint; limitPriceAtoms: bigint }
  /** What is left cannot make an order: the next slice settles the loan with it. */
  | { kind: "settle"; qtyAtoms: bigint; limitPriceAtoms: bigint }
  /** No bid at or above the floor: wait for bids, or an operator's approval. */
  | { kind: "wait"; bankruptcyPriceAtoms: bigint };

/** The remaining bankruptcy price: (debt − proceeds) × 10^cp / collateral left, rounded up. */
export function remainingBankruptcyPrice(input: SliceInput): bigint {
  const owed = input.debtAtoms - input.proceedsAtoms;
  return bankruptcyPriceAtoms(
    owed > 0n ? owed : 0n,
    input.collateralAtoms,
    input.collateralPrecision,
  );
}

export function planSlice(input: SliceInput): SlicePlan {
  const all = wholeLots(input, input.collateralAtoms);
  const floor = remainingBankruptcyPrice(input);
  const banded = (input.indexPriceAtoms * (PPM - LIMIT_BAND_PPM)) / PPM;
  const chosen = input.belowBankruptcyApproved || banded >= floor ? banded : floor;
  if (isDust(input, all)) {
    // The engine settles on any slice once nothing sellable is left.
    return {
      kind: "settle",
      qtyAtoms: input.collateralAtoms || 1n,
      limitPriceAtoms: maxAtoms(chosen, 1n),
    };
  }
  // Not dust at the index, the rest may still be worth less than the minimum at the banded
  // limit: the limit rises to where the whole rest makes an order (at most the index).
  const limit = maxAtoms(maxAtoms(chosen, lowestLimitFor(input, all)), 1n);
  const absorbed = input.bids
    .filter((bid) => bid.priceAtoms >= limit)
    .reduce((sum, bid) => sum + bid.qtyAtoms, 0n);
  if (absorbed === 0n) return { kind: "wait", bankruptcyPriceAtoms: floor };
  let qty = wholeLots(
    input,
    minAtoms(minAtoms(input.sliceCapAtoms, absorbed), stillNeeded(input, limit)),
  );
  qty = maxAtoms(maxAtoms(qty, input.minQtyAtoms), leastQtyAt(input, limit));
  if (qty > all || isDust(input, all - qty)) qty = all;
  return { kind: "sell", qtyAtoms: qty, limitPriceAtoms: limit };
}

/** The collateral that pays what is still owed at `limit`, in whole lots rounded up. */
function stillNeeded(input: SliceInput, limit: bigint): bigint {
  const fee = liquidationFeeAtoms(input.debtAtoms, input.liquidationFeePpm);
  const owed = input.debtAtoms + fee - input.proceedsAtoms;
  if (owed <= 0n) return input.lotSizeAtoms;
  const withMargin = divCeil(owed * (PPM + TAKER_FEE_MARGIN_PPM), PPM);
  const atoms = divCeil(withMargin * 10n ** BigInt(input.collateralPrecision), limit);
  return divCeil(atoms, input.lotSizeAtoms) * input.lotSizeAtoms;
}

/** The most one slice of a liquidation that began with `collateralAtoms` sells. */
export function sliceCap(collateralAtoms: bigint): bigint {
  return (collateralAtoms * SLICE_SHARE_PPM) / PPM;
}

function wholeLots(input: SliceInput, atoms: bigint): bigint {
  return (atoms / input.lotSizeAtoms) * input.lotSizeAtoms;
}

/** Whether the market would take no order of `atoms` (whole lots) at the index. */
function isDust(input: SliceInput, atoms: bigint): boolean {
  if (atoms === 0n || atoms < input.minQtyAtoms) return true;
  const value = collateralValueAtoms(atoms, input.indexPriceAtoms, input.collateralPrecision);
  return value < input.minNotionalAtoms;
}

/** The lowest limit at which `atoms` is worth the market's minimum order value. */
function lowestLimitFor(input: SliceInput, atoms: bigint): bigint {
  return divCeil(input.minNotionalAtoms * 10n ** BigInt(input.collateralPrecision), atoms);
}

/** The fewest whole lots worth the minimum order value at `limit` (rounded up to a tick). */
function leastQtyAt(input: SliceInput, limit: bigint): bigint {
  const ticked = divCeil(limit, input.tickSizeAtoms) * input.tickSizeAtoms;
  const atoms = divCeil(input.minNotionalAtoms * 10n ** BigInt(input.collateralPrecision), ticked);
  return divCeil(atoms, input.lotSizeAtoms) * input.lotSizeAtoms;
}
