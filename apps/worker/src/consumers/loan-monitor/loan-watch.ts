import { type LoanStatus, linePriceAtoms, lineReached } from "@exchange/core";

/**
 * The loan monitor's view of the open loans of one pair (collateral / loan asset), kept from
 * the engine's `loan.changed` events, and what an index price means for them. Loans are kept
 * sorted by their warning and liquidation prices (highest first), so a new index looks only at
 * the loans whose line it has reached (and, for re-arming, at the loans already warned), never
 * at every loan. A line's price is rounded up (`linePriceAtoms`), so "price ≤ line price" picks
 * every loan that may have reached the line; the exact cross-multiplication (`lineReached`, the
 * engine's own) decides.
 */

export interface WatchedLoan {
  loanId: string;
  userId: number;
  collateralAsset: string;
  loanAsset: string;
  collateralPrecision: number;
  /** Places of the loan asset (prices and amounts shown to the borrower). */
  loanPrecision: number;
  status: LoanStatus;
  principalAtoms: bigint;
  interestAtoms: bigint;
  collateralAtoms: bigint;
  proceedsAtoms: bigint;
  initialLtvPpm: bigint;
  warningLinePpm: bigint;
  liquidationLinePpm: bigint;
  /** Kept from a liquidation's proceeds, a share of the debt. */
  liquidationFeePpm: bigint;
  /** Warned for the present crossing of its warning line (re-armed below it). */
  warned: boolean;
}

export function debtAtoms(loan: WatchedLoan): bigint {
  return loan.principalAtoms + loan.interestAtoms;
}

export function warningPriceAtoms(loan: WatchedLoan): bigint {
  return linePriceAtoms(
    debtAtoms(loan),
    loan.collateralAtoms,
    loan.collateralPrecision,
    loan.initialLtvPpm,
    loan.warningLinePpm,
  );
}

export function liquidationPriceAtoms(loan: WatchedLoan): bigint {
  return linePriceAtoms(
    debtAtoms(loan),
    loan.collateralAtoms,
    loan.collateralPrecision,
    loan.initialLtvPpm,
    loan.liquidationLinePpm,
  );
}

function reached(loan: WatchedLoan, priceAtoms: bigint, linePpm: bigint): boolean {
  return lineReached(
    debtAtoms(loan),
    loan.collateralAtoms,
    priceAtoms,
    loan.collateralPrecision,
    loan.initialLtvPpm,
    linePpm,
  );
}

/** Loans sorted by a price, highest first; insert and remove by binary search. */
class ByPrice {
  private readonly rows: Array<{ price: bigint; loan: WatchedLoan }> = [];

  constructor(private readonly priceOf: (loan: WatchedLoan) => bigint) {}

  add(loan: WatchedLoan): void {
    const price = this.priceOf(loan);
    this.rows.splice(this.firstBelow(price), 0, { price, loan });
  }

  remove(loan: WatchedLoan): void {
    const index = this.rows.findIndex((row) => row.loan === loan);
    if (index >= 0) this.rows.splice(index, 1);
  }

  /** The loans whose price is at or above `price`, highest first. */
  *atOrAbove(price: bigint): Generator<WatchedLoan> {
    for (const row of this.rows) {
      if (row.price < price) return;
      yield row.loan;
    }
  }

  /** The index of the first row priced below `price` (rows priced equal stay before it). */
  private firstBelow(price: bigint): number {
    let low = 0;
    let high = this.rows.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.rows[middle] as { price: bigint }).price >= price) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** What one index price asks of the monitor. */
export interface IndexVerdict {
  /** Open loans that reached their warning line and are not yet warned for this crossing. */
  warn: WatchedLoan[];
  /** Warned loans back below their warning line: warned again at the next crossing. */
  rearm: WatchedLoan[];
  /** Open loans that reached their liquidation line. */
  liquidate: WatchedLoan[];
}

export class PairWatch {
  private readonly loans = new Map<string, WatchedLoan>();
  private readonly byWarning = new ByPrice(warningPriceAtoms);
  private readonly byLiquidation = new ByPrice(liquidationPriceAtoms);
  private readonly warned = new Set<WatchedLoan>();

  get size(): number {
    return this.loans.size;
  }

  get(loanId: string): WatchedLoan | undefined {
    return this.loans.get(loanId);
  }

  /** Puts a loan in (or updates it): only open loans are watched for their lines. */
  put(loan: WatchedLoan): void {
    this.drop(loan.loanId);
    if (loan.status !== "open") return;
    this.loans.set(loan.loanId, loan);
    this.byWarning.add(loan);
    this.byLiquidation.add(loan);
    if (loan.warned) this.warned.add(loan);
  }

  drop(loanId: string): void {
    const held = this.loans.get(loanId);
    if (!held) return;
    this.loans.delete(loanId);
    this.byWarning.remove(held);
    this.byLiquidation.remove(held);
    this.warned.delete(held);
  }

  /**
   * What `priceAtoms` means for the loans: the crossings, not the state. The caller records a
   * warning or re-arm (`markWarned`) once it is durable, so a crash before that repeats it.
   */
  judge(priceAtoms: bigint): IndexVerdict {
    const verdict: IndexVerdict = { warn: [], rearm: [], liquidate: [] };
    for (const loan of this.byLiquidation.atOrAbove(priceAtoms)) {
      if (reached(loan, priceAtoms, loan.liquidationLinePpm)) verdict.liquidate.push(loan);
    }
    for (const loan of this.byWarning.atOrAbove(priceAtoms)) {
      if (!loan.warned && reached(loan, priceAtoms, loan.warningLinePpm)) verdict.warn.push(loan);
    }
    for (const loan of this.warned) {
      if (!reached(loan, priceAtoms, loan.warningLinePpm)) verdict.rearm.push(loan);
    }
    return verdict;
  }

  markWarned(loanId: string, warned: boolean): void {
    const loan = this.loans.get(loanId);
    if (!loan) return;
    loan.warned = warned;
    if (warned) this.warned.add(loan);
    else this.warned.delete(loan);
  }
}
