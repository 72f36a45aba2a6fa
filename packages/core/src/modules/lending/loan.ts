import type { Account, Asset } from "../../model";

/**
 * - `open`: lent out; accrues interest, may be repaid or topped up, may be liquidated.
 * - `liquidating`: its collateral is being sold (`loan.liquidationSell`); interest has stopped.
 * - `closed`: repaid in full, the collateral returned.
 * - `liquidated`: settled from the sale of its collateral (and the insurance fund).
 */
export type LoanStatus = "open" | "liquidating" | "closed" | "liquidated";

/**
 * A crypto-collateral loan as the engine holds it. Closed and liquidated loans stay (with every
 * amount zero) so that their ids are never reused and the auditor can see how each ended.
 */
export interface Loan {
  readonly loanId: string;
  readonly account: Account;
  readonly collateralAsset: Asset;
  readonly loanAsset: Asset;
  readonly initialLtvPpm: bigint;
  readonly warningLinePpm: bigint;
  readonly liquidationLinePpm: bigint;
  readonly liquidationFeePpm: bigint;
  readonly maturesAt: number;
  status: LoanStatus;
  /** Collateral held in `loanCollateral` for this loan (collateral asset). */
  collateralAtoms: bigint;
  principalAtoms: bigint;
  /** Interest accrued and not yet paid (a receivable; no posting until paid). */
  interestAtoms: bigint;
  /** Liquidation proceeds held in `loanCollateral` (loan asset) until the settlement. */
  proceedsAtoms: bigint;
  /** The last liquidation slice sold (0 before the first). */
  slicesSold: number;
}

/** An index price: quote atoms per one whole unit of the asset, sampled at `at` (epoch ms). */
export interface IndexPrice {
  readonly asset: Asset;
  readonly quote: Asset;
  readonly priceAtoms: bigint;
  readonly at: number;
}

/** The key of an index price in `CoreState.indexPrices`. */
export function indexKey(asset: string, quote: string): string {
  return `${asset}/${quote}`;
}
