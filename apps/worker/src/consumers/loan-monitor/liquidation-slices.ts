import { bankruptcyPriceAtoms, minAtoms, PPM } from "@exchange/core";

/**
 * How the loan monitor sizes and prices a liquidation slice. A slice sells at most
 * SLICE_SHARE_PPM of the collateral left (so one sale does not sweep a thin book), and no more
 * than the book's bids absorb at or above the limit. The limit is the index less a band
 * (LIMIT_BAND_PPM), never below the remaining bankruptcy price — the price at which what is
 * left of the collateral still pays what is left of the debt — unless an operator approved
 * selling below it (the engine enforces the same floor). When no bid stands at or above the
 * floor, the slice waits (for bids, or for the approval).
 */

/** A slice sells at most a quarter of the collateral left. */
export const SLICE_SHARE_PPM = 250_000n;
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
  proceedsAtoms: bigint;
  collateralAtoms: bigint;
  collateralPrecision: number;
  indexPriceAtoms: bigint;
  /** The book's bids, best first. */
  bids: readonly BookBid[];
  /** The market's lot size (a slice is whole lots) and minimum order in atoms. */
  lotSizeAtoms: bigint;
  minQtyAtoms: bigint;
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
  const lots = input.collateralAtoms / input.lotSizeAtoms;
  if (lots === 0n || lots * input.lotSizeAtoms < input.minQtyAtoms) {
    // The engine settles on any slice once nothing sellable is left.
    return { kind: "settle", qtyAtoms: input.collateralAtoms || 1n, limitPriceAtoms: 1n };
  }
  const banded = (input.indexPriceAtoms * (PPM - LIMIT_BAND_PPM)) / PPM;
  const floor = remainingBankruptcyPrice(input);
  const limit = input.belowBankruptcyApproved || banded >= floor ? banded : floor;
  const absorbed = input.bids
    .filter((bid) => bid.priceAtoms >= limit)
    .reduce((sum, bid) => sum + bid.qtyAtoms, 0n);
  if (absorbed === 0n) return { kind: "wait", bankruptcyPriceAtoms: floor };
  const share = (input.collateralAtoms * SLICE_SHARE_PPM) / PPM;
  let qty = minAtoms(minAtoms(share, absorbed), input.collateralAtoms);
  qty = (qty / input.lotSizeAtoms) * input.lotSizeAtoms;
  // A slice under the minimum order takes the minimum (or all that is left).
  if (qty < input.minQtyAtoms) qty = minAtoms(input.minQtyAtoms, lots * input.lotSizeAtoms);
  return { kind: "sell", qtyAtoms: qty, limitPriceAtoms: limit > 0n ? limit : 1n };
}
