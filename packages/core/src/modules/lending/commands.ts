import type { CommandBase } from "../../commands";
import type { BusinessKey } from "../accounts/commands";

/**
 * Commands of the lending module: the index prices loans are judged on, and crypto-collateral
 * loans from open to repayment or liquidation. Each is idempotent on its business key (a
 * repeated key returns the first accepted result and changes nothing); a rejection changes
 * nothing. Their codes are 1xx (malformed), 2xx (unknown asset), 600/601 and the 8xx lending
 * codes. The business ids the lending domain uses are named on each command.
 *
 * Lines and LTV. A product states its lines as the seed does, as fractions of the opening
 * price: the warning line 85 % and the (effective) liquidation line 82 % of an opening price at
 * an initial LTV of 80 %. A loan keeps the lines and the initial LTV themselves rather than LTV
 * thresholds derived from them: the LTV at which a line is reached is initialLtv / line, a
 * fraction that ppm cannot hold exactly (80 % / 85 % = 94.1176… %), while the integers
 * compare exactly (`loan-math.ts`), so a line's price is exactly the seed's (25 500, 24 600).
 */

/**
 * Sets the index price of `asset` in `quote`: quote atoms per one whole unit of the asset
 * (10^precision atoms) at `at` (epoch ms, when the worker sampled it). Business id
 * `<asset>:<quote>:<at>`. Rejected with 601 for a price ≤ 0, 811 `IndexNotNewer` when `at` is
 * not after the held index's.
 */
export interface IndexSetCommand extends CommandBase, BusinessKey {
  type: "index.set";
  asset: string;
  quote: string;
  priceAtoms: bigint;
  at: number;
}

/**
 * Opens a loan (business id: the loan's id): the collateral moves from the user's available
 * balance to `loanCollateral`, the principal from the `loan` pool to the user's available
 * balance, in one `balance.changed`. Refused with 800 `LoanExists`, 802/803 when the index of
 * the collateral in the loan asset is missing or older than `INDEX_MAX_AGE_MS` at `ts`, 804
 * `LtvAboveInitial` when principal / collateral value at the held index is above
 * `initialLtvPpm`, 805 `LoanPoolInsufficient`, 600 when the collateral is not available.
 */
export interface LoanOpenCommand extends CommandBase, BusinessKey {
  type: "loan.open";
  loanId: string;
  userId: number;
  collateralAsset: string;
  collateralAtoms: bigint;
  loanAsset: string;
  principalAtoms: bigint;
  /** The most the principal may be of the collateral's value, ppm (800 000 = 80 %). */
  initialLtvPpm: number;
  /** The warning line as a fraction of the opening price, ppm (850 000 = 85 %); > the initial LTV. */
  warningLinePpm: number;
  /**
   * The liquidation line that acts (the product's effective one, at or below the stated line),
   * as a fraction of the opening price, ppm (820 000); above the initial LTV, at most the warning line.
   */
  liquidationLinePpm: number;
  /** The liquidation fee, ppm of the debt at settlement. */
  liquidationFeePpm: number;
  /** When the term ends (epoch ms), or 0 for an open-ended loan. */
  maturesAt: number;
}

/**
 * Repays part or all of an open loan (business id: the repayment's id) from the user's
 * available loan asset: interest first (→ `loanIncome`), then principal (→ the `loan` pool).
 * When nothing is owed any more the collateral returns to the user and the loan closes.
 * Refused with 806 `RepayAboveDebt` for more than is owed, 810 `LoanNotOpen`, 600.
 */
export interface LoanRepayCommand extends CommandBase, BusinessKey {
  type: "loan.repay";
  loanId: string;
  repaymentId: string;
  amountAtoms: bigint;
}

/** Adds collateral to an open loan (business id: the top-up's id): user available → `loanCollateral`. */
export interface LoanAddCollateralCommand extends CommandBase, BusinessKey {
  type: "loan.addCollateral";
  loanId: string;
  topUpId: string;
  amountAtoms: bigint;
}

/**
 * Adds one period's interest to an open loan's debt (business id `<loanId>:<periodNo>`, the
 * accrual's id). No money moves: the interest is a receivable held in the loan until it is
 * repaid or settled by a liquidation.
 */
export interface LoanAccrueCommand extends CommandBase, BusinessKey {
  type: "loan.accrue";
  loanId: string;
  accrualId: string;
  interestAtoms: bigint;
}

/**
 * Starts a loan's liquidation (business id: the loan's id): `"ltv"` needs a fresh index at
 * which the LTV has reached the liquidation line, `"maturity"` needs `ts` at or after the
 * term's end. The loan becomes `liquidating`: interest stops, repayments and top-ups are
 * refused, and `loan.liquidationSell` slices sell its collateral. No money moves yet.
 */
export interface LoanLiquidateCommand extends CommandBase, BusinessKey {
  type: "loan.liquidate";
  loanId: string;
  reason: "ltv" | "maturity";
}

/**
 * Sells one slice of a liquidating loan's collateral (business id `<loanId>:<slice>`): an IOC
 * limit sell of min(`qtyAtoms`, collateral left), in whole lots, on the spot market of the
 * collateral against the loan asset, placed in the borrower's own name (its fills are the
 * borrower's trades, at the normal taker fee). The limit is raised to the remaining bankruptcy
 * price unless `belowBankruptcyApproved`. When the proceeds cover the debt and the fee, or no
 * sellable collateral is left, the same command settles the loan (see `liquidation.ts`).
 * Slices are numbered 1, 2, … and must come in order (808 `SliceOutOfOrder`).
 */
export interface LoanLiquidationSellCommand extends CommandBase, BusinessKey {
  type: "loan.liquidationSell";
  loanId: string;
  slice: number;
  qtyAtoms: bigint;
  limitPriceAtoms: bigint;
  belowBankruptcyApproved: boolean;
}

/** Everything the lending module runs. */
export type LendingCommand =
  | IndexSetCommand
  | LoanOpenCommand
  | LoanRepayCommand
  | LoanAddCollateralCommand
  | LoanAccrueCommand
  | LoanLiquidateCommand
  | LoanLiquidationSellCommand;
