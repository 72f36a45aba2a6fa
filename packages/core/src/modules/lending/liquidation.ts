import { type CoreState, isPositiveId, Rejection, reject } from "../../core-state";
import type { CoreEvent, Posting } from "../../events";
import type { Market } from "../../model";
import { RejectCode } from "../../reject-code";
import { checkPositive, emitBalanceChanged } from "../accounts/balance-commands";
import { creditAvailable, debitAvailable, getBalance, postSystem } from "../accounts/ledger";
import type { PlaceLimitOrderCommand } from "../spot/commands";
import { placeOrder } from "../spot/place-order";
import type { LoanLiquidationSellCommand } from "./commands";
import { indexKey, type Loan } from "./loan";
import { debtOf, emitLoanChanged, findLoan } from "./loan-commands";
import {
  bankruptcyPriceAtoms,
  collateralValueAtoms,
  divCeil,
  liquidationFeeAtoms,
  minAtoms,
} from "./loan-math";

/**
 * `loan.liquidationSell`: one slice of a liquidating loan's collateral sold through the spot
 * book, in the borrower's own name, then — when the sale is done — the loan settled.
 *
 * 1. The slice (whole lots of min(qty, collateral left)) moves `loanCollateral` → the user's
 *    available balance, and an IOC limit sell is placed for the user through the spot module's
 *    `placeOrder`, exactly as the user's own would be (freeze, match, taker fee, the unfilled
 *    rest released). Self-trade prevention cancels the user's own resting bids (`cancelMaker`):
 *    a borrower's bid must not stop the liquidation or buy their own collateral.
 * 2. What was not sold moves back to `loanCollateral`, and the quote received net of the fee
 *    moves user available → `loanCollateral` (loan asset) as the loan's proceeds.
 * 3. When the proceeds cover debt + fee, or no sellable collateral is left (less than the
 *    market's minimum order: its minimum quantity, or its minimum value at the index), the loan
 *    settles: proceeds pay the principal (→ `loan`), the
 *    interest (→ `loanIncome`), then the liquidation fee (→ `loanIncome`, only from what is
 *    left); any surplus and any unsold collateral return to the user; a principal or interest
 *    shortfall is paid by `insurance` (which may go negative: the fund's deficit).
 *
 * The limit is never below the remaining bankruptcy price — (debt − proceeds) × 10^cp /
 * collateral left, rounded up, before taker fees — unless `belowBankruptcyApproved`. If the
 * order is refused (market not trading, price above its maximum …) the command is refused with
 * the order's code and nothing changes.
 */
export function liquidationSell(
  s: CoreState,
  c: LoanLiquidationSellCommand,
  events: CoreEvent[],
): Rejection | null {
  const loan = findLoan(s, c.loanId);
  if (loan instanceof Rejection) return loan;
  if (loan.status !== "liquidating") {
    return reject(RejectCode.LoanNotOpen, `loan ${loan.loanId} is ${loan.status}, not liquidating`);
  }
  if (!isPositiveId(c.slice) || c.slice !== loan.slicesSold + 1) {
    return reject(
      RejectCode.SliceOutOfOrder,
      `the next slice of loan ${loan.loanId} is ${loan.slicesSold + 1}`,
    );
  }
  const bad = checkPositive(c.qtyAtoms) ?? checkPositive(c.limitPriceAtoms);
  if (bad !== null) return bad;
  if (typeof c.belowBankruptcyApproved !== "boolean") {
    return reject(RejectCode.InvalidCommand, "belowBankruptcyApproved must be a boolean");
  }
  const market = loanMarket(s, loan);
  if (market === undefined) {
    return reject(
      RejectCode.LoanMarketMissing,
      `no market trades ${loan.collateralAsset.code} against ${loan.loanAsset.code}`,
    );
  }
  if (!sellable(s, market, loan, loan.collateralAtoms)) {
    loan.slicesSold = c.slice;
    settle(s, c, loan, [], events);
    return null;
  }
  const asked = minAtoms(c.qtyAtoms, loan.collateralAtoms);
  const qtyLots = asked / market.lotSizeAtoms;
  if (qtyLots < market.minQtyLots) {
    return reject(
      RejectCode.InvalidAmount,
      `a slice of ${asked} atoms is below the market's minimum order of ${market.minQtyLots} lots`,
    );
  }
  return sellSlice(s, c, loan, market, qtyLots, events);
}

/** The spot market of the loan's collateral against its loan asset (the first listed). */
function loanMarket(s: CoreState, loan: Loan): Market | undefined {
  for (const market of s.markets.values()) {
    if (market.base === loan.collateralAsset && market.quote === loan.loanAsset) return market;
  }
  return undefined;
}

/**
 * Whether `collateralAtoms` makes at least one order the market accepts: whole lots, at least
 * its minimum quantity and, valued at the index, at least its minimum order value. Judged at the
 * index, not at the command's limit, so a command with a low limit never passes a loan's
 * collateral off as dust: what is left below the minimum value goes back to the borrower, the
 * lender's loss on it bounded by that minimum. Without an index only the quantity counts.
 */
function sellable(s: CoreState, market: Market, loan: Loan, collateralAtoms: bigint): boolean {
  const lots = collateralAtoms / market.lotSizeAtoms;
  if (lots === 0n || lots < market.minQtyLots) return false;
  const index = s.indexPrices.get(indexKey(loan.collateralAsset.code, loan.loanAsset.code));
  if (!market.checksMinNotional || index === undefined) return true;
  const value = collateralValueAtoms(
    lots * market.lotSizeAtoms,
    index.priceAtoms,
    loan.collateralAsset.precision,
  );
  return value >= market.minNotionalAtoms;
}

function limitTicks(c: LoanLiquidationSellCommand, loan: Loan, market: Market): bigint {
  let limit = c.limitPriceAtoms;
  if (!c.belowBankruptcyApproved) {
    const owed = debtOf(loan) - loan.proceedsAtoms;
    const floor = bankruptcyPriceAtoms(
      owed > 0n ? owed : 0n,
      loan.collateralAtoms,
      loan.collateralAsset.precision,
    );
    if (floor > limit) limit = floor;
  }
  // Rounded up to a whole tick: the order never sells below the limit.
  return divCeil(limit, market.config.tickSizeAtoms);
}

function sellSlice(
  s: CoreState,
  c: LoanLiquidationSellCommand,
  loan: Loan,
  market: Market,
  qtyLots: bigint,
  events: CoreEvent[],
): Rejection | null {
  const { account, collateralAsset, loanAsset } = loan;
  const userId = account.userId;
  const sliceAtoms = qtyLots * market.lotSizeAtoms;
  const base = getBalance(account, collateralAsset);
  const out: Posting[] = [];
  postSystem(collateralAsset, "loanCollateral", 0n - sliceAtoms, out);
  creditAvailable(userId, collateralAsset, base, sliceAtoms, out);
  const order: PlaceLimitOrderCommand = {
    type: "order.place",
    id: c.id,
    ts: c.ts,
    userId,
    symbol: market.symbol,
    side: "sell",
    orderType: "limit",
    priceTicks: limitTicks(c, loan, market),
    qtyLots,
    timeInForce: "IOC",
    stp: "cancelMaker",
  };
  const orderId = s.nextOrderId;
  const orderEvents: CoreEvent[] = [];
  const refused = placeOrder(s, order, orderEvents);
  if (refused !== null) {
    // Undo step 1: the order changed nothing, so this restores the state exactly.
    base.available -= sliceAtoms;
    collateralAsset.system.loanCollateral += sliceAtoms;
    return refused;
  }
  let soldLots = 0n;
  let proceeds = 0n;
  for (const e of orderEvents) {
    if (e.type === "trade" && e.takerOrderId === orderId) {
      soldLots += e.qtyLots;
      proceeds += e.quoteAtoms - (e.takerFeeAsset === loanAsset.code ? e.takerFeeAtoms : 0n);
    }
  }
  const unsold = sliceAtoms - soldLots * market.lotSizeAtoms;
  emitBalanceChanged(c, "loan.liquidationSell", out, events);
  for (const e of orderEvents) events.push(e);
  const back: Posting[] = [];
  if (unsold > 0n) {
    debitAvailable(userId, collateralAsset, base, unsold, back);
    postSystem(collateralAsset, "loanCollateral", unsold, back);
  }
  if (proceeds > 0n) {
    debitAvailable(userId, loanAsset, getBalance(account, loanAsset), proceeds, back);
    postSystem(loanAsset, "loanCollateral", proceeds, back);
  }
  loan.collateralAtoms -= sliceAtoms - unsold;
  loan.proceedsAtoms += proceeds;
  loan.slicesSold = c.slice;
  const fee = liquidationFeeAtoms(debtOf(loan), loan.liquidationFeePpm);
  if (
    loan.proceedsAtoms >= debtOf(loan) + fee ||
    !sellable(s, market, loan, loan.collateralAtoms)
  ) {
    settle(s, c, loan, back, events);
  } else {
    if (back.length > 0) emitBalanceChanged(c, "loan.liquidationSell", back, events);
    emitLoanChanged(loan, "loan.liquidationSell", events);
  }
  return null;
}

/** Settles a liquidated loan from its proceeds (and the insurance fund); see the module's doc. */
function settle(
  _s: CoreState,
  c: LoanLiquidationSellCommand,
  loan: Loan,
  postings: Posting[],
  events: CoreEvent[],
): void {
  const { account, collateralAsset, loanAsset } = loan;
  const userId = account.userId;
  const fee = liquidationFeeAtoms(debtOf(loan), loan.liquidationFeePpm);
  let left = loan.proceedsAtoms;
  const toPrincipal = minAtoms(left, loan.principalAtoms);
  left -= toPrincipal;
  const toInterest = minAtoms(left, loan.interestAtoms);
  left -= toInterest;
  const toFee = minAtoms(left, fee);
  const surplus = left - toFee;
  const principalShort = loan.principalAtoms - toPrincipal;
  const interestShort = loan.interestAtoms - toInterest;
  if (loan.proceedsAtoms > 0n)
    postSystem(loanAsset, "loanCollateral", 0n - loan.proceedsAtoms, postings);
  if (toPrincipal > 0n) postSystem(loanAsset, "loan", toPrincipal, postings);
  if (toInterest + toFee > 0n) postSystem(loanAsset, "loanIncome", toInterest + toFee, postings);
  if (surplus > 0n) {
    creditAvailable(userId, loanAsset, getBalance(account, loanAsset), surplus, postings);
  }
  if (principalShort + interestShort > 0n) {
    postSystem(loanAsset, "insurance", 0n - (principalShort + interestShort), postings);
    if (principalShort > 0n) postSystem(loanAsset, "loan", principalShort, postings);
    if (interestShort > 0n) postSystem(loanAsset, "loanIncome", interestShort, postings);
  }
  if (loan.collateralAtoms > 0n) {
    postSystem(collateralAsset, "loanCollateral", 0n - loan.collateralAtoms, postings);
    const back = getBalance(account, collateralAsset);
    creditAvailable(userId, collateralAsset, back, loan.collateralAtoms, postings);
  }
  loan.principalAtoms = 0n;
  loan.interestAtoms = 0n;
  loan.proceedsAtoms = 0n;
  loan.collateralAtoms = 0n;
  loan.status = "liquidated";
  if (postings.length > 0) emitBalanceChanged(c, "loan.liquidationSell", postings, events);
  emitLoanChanged(loan, "loan.liquidationSell", events);
}
