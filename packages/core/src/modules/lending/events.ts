import type { LoanStatus } from "./loan";

/** Events of the lending module, besides the `balance.changed` postings of its commands. */

/**
 * A loan after each lending command that touched it (its cause is the command's type). Amounts
 * are what the loan holds now: principal and interest owed, collateral held, and (while
 * liquidating) the proceeds of the slices sold so far; a closed or liquidated loan has all zero.
 */
export interface LoanChangedEvent {
  type: "loan.changed";
  loanId: string;
  userId: number;
  collateralAsset: string;
  loanAsset: string;
  status: LoanStatus;
  principalAtoms: bigint;
  interestAtoms: bigint;
  collateralAtoms: bigint;
  proceedsAtoms: bigint;
  cause:
    | "loan.open"
    | "loan.repay"
    | "loan.addCollateral"
    | "loan.accrue"
    | "loan.liquidate"
    | "loan.liquidationSell";
}

/** A new index price of `asset` in `quote` (quote atoms per whole unit), sampled at `at`. */
export interface IndexChangedEvent {
  type: "index.changed";
  asset: string;
  quote: string;
  priceAtoms: bigint;
  at: number;
}

/** Everything the lending module emits of its own. */
export type LendingEvent = LoanChangedEvent | IndexChangedEvent;
