import { type CoreState, isPositiveId, isShortText, Rejection, reject } from "../../core-state";
import type { CoreEvent, Posting } from "../../events";
import type { Asset } from "../../model";
import { RejectCode } from "../../reject-code";
import {
  checkPositive,
  emitBalanceChanged,
  findAsset,
  MAX_KEY_LENGTH,
} from "../accounts/balance-commands";
import { creditAvailable, debitAvailable, getBalance, postSystem } from "../accounts/ledger";
import type {
  IndexSetCommand,
  LoanAccrueCommand,
  LoanAddCollateralCommand,
  LoanLiquidateCommand,
  LoanOpenCommand,
  LoanRepayCommand,
} from "./commands";
import type { LoanChangedEvent } from "./events";
import { type IndexPrice, indexKey, type Loan } from "./loan";
import { INDEX_MAX_AGE_MS, lineReached, ltvWithin, minAtoms } from "./loan-math";

export { liquidationSell } from "./liquidation";

/**
 * Lending handlers. Each checks everything before it changes anything, then posts one balanced
 * set of postings in one `balance.changed` (when money moves) and emits `loan.changed`:
 *
 * | command              | postings                                                                  |
 * | -------------------- | ------------------------------------------------------------------------- |
 * | `loan.open`          | user available −C, `loanCollateral` +C (collateral); `loan` −P, user available +P (loan asset) |
 * | `loan.repay`         | user available −a; `loanIncome` +interest part, `loan` +principal part; at zero debt `loanCollateral` −C, user available +C |
 * | `loan.addCollateral` | user available −a, `loanCollateral` +a                                     |
 * | `loan.accrue`        | none: the interest is a receivable held in the loan                       |
 * | `loan.liquidate`     | none: the loan becomes `liquidating`                                      |
 */

export function findLoan(s: CoreState, loanId: unknown): Loan | Rejection {
  return (
    s.loans.get(loanId as string) ?? reject(RejectCode.LoanNotFound, `no loan ${String(loanId)}`)
  );
}

function openLoanOf(s: CoreState, loanId: unknown): Loan | Rejection {
  const loan = findLoan(s, loanId);
  if (loan instanceof Rejection || loan.status === "open") return loan;
  return reject(RejectCode.LoanNotOpen, `loan ${loan.loanId} is ${loan.status}`);
}

/** The loan's debt: principal and accrued interest. */
export function debtOf(loan: Loan): bigint {
  return loan.principalAtoms + loan.interestAtoms;
}

/** The index of `asset` in `quote` if it is fresh at `ts`, else why not. */
export function freshIndex(
  s: CoreState,
  asset: Asset,
  quote: Asset,
  ts: number,
): IndexPrice | Rejection {
  const index = s.indexPrices.get(indexKey(asset.code, quote.code));
  if (index === undefined) {
    return reject(RejectCode.IndexMissing, `no index price of ${asset.code} in ${quote.code}`);
  }
  if (ts - index.at > INDEX_MAX_AGE_MS) {
    return reject(
      RejectCode.IndexStale,
      `the index price of ${asset.code} in ${quote.code} is ${ts - index.at} ms old`,
    );
  }
  return index;
}

/** Appends the loan's `loan.changed`. */
export function emitLoanChanged(
  loan: Loan,
  cause: LoanChangedEvent["cause"],
  events: CoreEvent[],
): void {
  events.push({
    type: "loan.changed",
    loanId: loan.loanId,
    userId: loan.account.userId,
    collateralAsset: loan.collateralAsset.code,
    loanAsset: loan.loanAsset.code,
    status: loan.status,
    principalAtoms: loan.principalAtoms,
    interestAtoms: loan.interestAtoms,
    collateralAtoms: loan.collateralAtoms,
    proceedsAtoms: loan.proceedsAtoms,
    cause,
  });
}

function isEpochMs(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

export function setIndex(s: CoreState, c: IndexSetCommand, events: CoreEvent[]): Rejection | null {
  const asset = findAsset(s, c.asset);
  if (asset instanceof Rejection) return asset;
  const quote = findAsset(s, c.quote);
  if (quote instanceof Rejection) return quote;
  if (asset === quote) return reject(RejectCode.InvalidCommand, "an index needs two assets");
  if (!isEpochMs(c.at)) return reject(RejectCode.InvalidCommand, "at must be epoch ms");
  const bad = checkPositive(c.priceAtoms);
  if (bad !== null) return bad;
  const key = indexKey(asset.code, quote.code);
  const held = s.indexPrices.get(key);
  if (held !== undefined && c.at <= held.at) {
    return reject(
      RejectCode.IndexNotNewer,
      `the index of ${key} held is from ${held.at}, not before ${c.at}`,
    );
  }
  s.indexPrices.set(key, { asset, quote, priceAtoms: c.priceAtoms, at: c.at });
  events.push({
    type: "index.changed",
    asset: asset.code,
    quote: quote.code,
    priceAtoms: c.priceAtoms,
    at: c.at,
  });
  return null;
}

function isPpm(value: unknown): value is number {
  return (
    typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value < 1_000_000
  );
}

/** initial LTV < liquidation line ≤ warning line < 100 %, and a fee below 100 %. */
function checkTerms(c: LoanOpenCommand): Rejection | null {
  const { initialLtvPpm, warningLinePpm, liquidationLinePpm, liquidationFeePpm } = c;
  if (
    !isPpm(initialLtvPpm) ||
    !isPpm(warningLinePpm) ||
    !isPpm(liquidationLinePpm) ||
    !isPpm(liquidationFeePpm) ||
    initialLtvPpm <= 0 ||
    liquidationLinePpm <= initialLtvPpm ||
    warningLinePpm < liquidationLinePpm
  ) {
    return reject(
      RejectCode.InvalidLoanTerms,
      "lines must be 0 < initial LTV < liquidation line ≤ warning line < 1 000 000 ppm, the fee below 1 000 000",
    );
  }
  if (!isEpochMs(c.maturesAt)) {
    return reject(RejectCode.InvalidCommand, "maturesAt must be epoch ms, or 0");
  }
  return null;
}

export function openLoan(s: CoreState, c: LoanOpenCommand, events: CoreEvent[]): Rejection | null {
  if (!isPositiveId(c.userId)) return reject(RejectCode.InvalidCommand, "userId must be positive");
  if (!isShortText(c.loanId, MAX_KEY_LENGTH)) {
    return reject(RejectCode.InvalidCommand, `loanId must be 1-${MAX_KEY_LENGTH} characters`);
  }
  const collateralAsset = findAsset(s, c.collateralAsset);
  if (collateralAsset instanceof Rejection) return collateralAsset;
  const loanAsset = findAsset(s, c.loanAsset);
  if (loanAsset instanceof Rejection) return loanAsset;
  if (collateralAsset === loanAsset) {
    return reject(RejectCode.InvalidCommand, "collateral and loan must be different assets");
  }
  const bad = checkPositive(c.collateralAtoms) ?? checkPositive(c.principalAtoms) ?? checkTerms(c);
  if (bad !== null) return bad;
  if (s.loans.has(c.loanId)) return reject(RejectCode.LoanExists, `loan ${c.loanId} exists`);
  const index = freshIndex(s, collateralAsset, loanAsset, c.ts);
  if (index instanceof Rejection) return index;
  const initialLtvPpm = BigInt(c.initialLtvPpm);
  if (
    !ltvWithin(
      c.principalAtoms,
      c.collateralAtoms,
      index.priceAtoms,
      collateralAsset.precision,
      initialLtvPpm,
    )
  ) {
    return reject(
      RejectCode.LtvAboveInitial,
      `${c.principalAtoms} ${loanAsset.code} atoms is above ${c.initialLtvPpm} ppm of the collateral's value`,
    );
  }
  if (loanAsset.system.loan < c.principalAtoms) {
    return reject(
      RejectCode.LoanPoolInsufficient,
      `the ${loanAsset.code} loan pool holds ${loanAsset.system.loan} atoms, less than ${c.principalAtoms}`,
    );
  }
  const account = s.accounts.get(c.userId);
  const collateral = account?.balances[collateralAsset.index];
  if (
    account === undefined ||
    collateral === undefined ||
    collateral.available < c.collateralAtoms
  ) {
    return reject(
      RejectCode.InsufficientBalance,
      `available ${collateralAsset.code} of user ${c.userId} is below the collateral`,
    );
  }
  const postings: Posting[] = [];
  debitAvailable(c.userId, collateralAsset, collateral, c.collateralAtoms, postings);
  postSystem(collateralAsset, "loanCollateral", c.collateralAtoms, postings);
  postSystem(loanAsset, "loan", 0n - c.principalAtoms, postings);
  creditAvailable(c.userId, loanAsset, getBalance(account, loanAsset), c.principalAtoms, postings);
  const loan: Loan = {
    loanId: c.loanId,
    account,
    collateralAsset,
    loanAsset,
    initialLtvPpm,
    warningLinePpm: BigInt(c.warningLinePpm),
    liquidationLinePpm: BigInt(c.liquidationLinePpm),
    liquidationFeePpm: BigInt(c.liquidationFeePpm),
    maturesAt: c.maturesAt,
    status: "open",
    collateralAtoms: c.collateralAtoms,
    principalAtoms: c.principalAtoms,
    interestAtoms: 0n,
    proceedsAtoms: 0n,
    slicesSold: 0,
  };
  s.loans.set(loan.loanId, loan);
  emitBalanceChanged(c, "loan.open", postings, events);
  emitLoanChanged(loan, "loan.open", events);
  return null;
}

export function repay(s: CoreState, c: LoanRepayCommand, events: CoreEvent[]): Rejection | null {
  const loan = openLoanOf(s, c.loanId);
  if (loan instanceof Rejection) return loan;
  const bad = checkPositive(c.amountAtoms);
  if (bad !== null) return bad;
  const debt = debtOf(loan);
  if (c.amountAtoms > debt) {
    return reject(
      RejectCode.RepayAboveDebt,
      `${c.amountAtoms} is more than the ${debt} ${loan.loanAsset.code} atoms owed`,
    );
  }
  const { account, loanAsset } = loan;
  const balance = account.balances[loanAsset.index];
  if (balance === undefined || balance.available < c.amountAtoms) {
    return reject(
      RejectCode.InsufficientBalance,
      `available ${loanAsset.code} of user ${account.userId} is below the repayment`,
    );
  }
  const toInterest = minAtoms(c.amountAtoms, loan.interestAtoms);
  const toPrincipal = c.amountAtoms - toInterest;
  const postings: Posting[] = [];
  debitAvailable(account.userId, loanAsset, balance, c.amountAtoms, postings);
  if (toInterest > 0n) postSystem(loanAsset, "loanIncome", toInterest, postings);
  if (toPrincipal > 0n) postSystem(loanAsset, "loan", toPrincipal, postings);
  loan.interestAtoms -= toInterest;
  loan.principalAtoms -= toPrincipal;
  if (debtOf(loan) === 0n) {
    const { collateralAsset } = loan;
    postSystem(collateralAsset, "loanCollateral", 0n - loan.collateralAtoms, postings);
    const back = getBalance(account, collateralAsset);
    creditAvailable(account.userId, collateralAsset, back, loan.collateralAtoms, postings);
    loan.collateralAtoms = 0n;
    loan.status = "closed";
  }
  emitBalanceChanged(c, "loan.repay", postings, events);
  emitLoanChanged(loan, "loan.repay", events);
  return null;
}

export function addCollateral(
  s: CoreState,
  c: LoanAddCollateralCommand,
  events: CoreEvent[],
): Rejection | null {
  const loan = openLoanOf(s, c.loanId);
  if (loan instanceof Rejection) return loan;
  const bad = checkPositive(c.amountAtoms);
  if (bad !== null) return bad;
  const { account, collateralAsset } = loan;
  const balance = account.balances[collateralAsset.index];
  if (balance === undefined || balance.available < c.amountAtoms) {
    return reject(
      RejectCode.InsufficientBalance,
      `available ${collateralAsset.code} of user ${account.userId} is below the top-up`,
    );
  }
  const postings: Posting[] = [];
  debitAvailable(account.userId, collateralAsset, balance, c.amountAtoms, postings);
  postSystem(collateralAsset, "loanCollateral", c.amountAtoms, postings);
  loan.collateralAtoms += c.amountAtoms;
  emitBalanceChanged(c, "loan.addCollateral", postings, events);
  emitLoanChanged(loan, "loan.addCollateral", events);
  return null;
}

export function accrue(s: CoreState, c: LoanAccrueCommand, events: CoreEvent[]): Rejection | null {
  const loan = openLoanOf(s, c.loanId);
  if (loan instanceof Rejection) return loan;
  const bad = checkPositive(c.interestAtoms);
  if (bad !== null) return bad;
  loan.interestAtoms += c.interestAtoms;
  emitLoanChanged(loan, "loan.accrue", events);
  return null;
}

export function liquidate(
  s: CoreState,
  c: LoanLiquidateCommand,
  events: CoreEvent[],
): Rejection | null {
  const loan = openLoanOf(s, c.loanId);
  if (loan instanceof Rejection) return loan;
  if (c.reason === "maturity") {
    if (loan.maturesAt === 0 || c.ts < loan.maturesAt) {
      return reject(RejectCode.NotLiquidatable, `loan ${loan.loanId} has not reached maturity`);
    }
  } else if (c.reason === "ltv") {
    const index = freshIndex(s, loan.collateralAsset, loan.loanAsset, c.ts);
    if (index instanceof Rejection) return index;
    const reached = lineReached(
      debtOf(loan),
      loan.collateralAtoms,
      index.priceAtoms,
      loan.collateralAsset.precision,
      loan.initialLtvPpm,
      loan.liquidationLinePpm,
    );
    if (!reached) {
      return reject(
        RejectCode.NotLiquidatable,
        `loan ${loan.loanId} is above its liquidation price at ${index.priceAtoms}`,
      );
    }
  } else {
    return reject(RejectCode.InvalidCommand, 'reason must be "ltv" or "maturity"');
  }
  loan.status = "liquidating";
  emitLoanChanged(loan, "loan.liquidate", events);
  return null;
}
