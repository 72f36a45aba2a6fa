import { ZDecimal } from "@exchange/contracts/wire";
import { z } from "zod";
import { ZRowId } from "../input-bounds";

/**
 * The borrowing procedures' inputs and outputs. Amounts are decimal strings as typed (the
 * service converts them exactly and says what is wrong); a loan amount of "max" borrows the
 * most the collateral allows at the current index.
 */

const ZAmountText = z.string().trim().min(1, "Enter an amount.").max(80);

/** What the borrower chose: a product, the collateral and the loan ("max" or an amount). */
export const ZLoanQuoteInput = z.object({
  productId: ZRowId,
  collateral: ZAmountText,
  loan: ZAmountText,
});
export type LoanQuoteInput = z.output<typeof ZLoanQuoteInput>;

export const ZBorrowInput = ZLoanQuoteInput.extend({
  /** The client's UUID of this submission: a double-clicked borrow is one loan. */
  requestKey: z.uuid("requestKey must be a UUID."),
});
export type BorrowInput = z.output<typeof ZBorrowInput>;

export const ZLoanId = z.uuid("No such loan.");

/** A repayment ("all" repays the whole debt as last projected) or a top-up of collateral. */
export const ZLoanMoveInput = z.object({
  loanId: ZLoanId,
  amount: ZAmountText,
  requestKey: z.uuid("requestKey must be a UUID."),
});
export type LoanMoveInput = z.output<typeof ZLoanMoveInput>;

export const ZLoanIdInput = z.object({ loanId: ZLoanId });

/** The loan a choice would open, at the index it was quoted at; nothing is reserved by asking. */
export const ZLoanQuote = z.object({
  productId: z.number().int(),
  collateralAsset: z.string(),
  loanAsset: z.string(),
  collateral: ZDecimal,
  loan: ZDecimal,
  /** The most this collateral allows at the index (the initial LTV). */
  maxLoan: ZDecimal,
  indexPrice: ZDecimal,
  indexAt: z.number().int(),
  ltvPpm: z.number().int(),
  initialLtvPpm: z.number().int(),
  warningPrice: ZDecimal,
  liquidationPrice: ZDecimal,
  bankruptcyPrice: ZDecimal,
  interestPeriod: z.enum(["HOUR", "DAY"]),
  interestPerPeriod: ZDecimal,
  /** Interest over the whole term; null for an open-ended loan. */
  interestForTerm: ZDecimal.nullable(),
  termDays: z.number().int().nullable(),
});
export type LoanQuote = z.output<typeof ZLoanQuote>;

export const ZLoanStatus = z.enum(["PENDING", "OPEN", "LIQUIDATING", "CLOSED", "LIQUIDATED"]);

/** One of the borrower's loans, with its LTV and prices at the current index (when fresh). */
export const ZMyLoan = z.object({
  id: z.string(),
  productName: z.string(),
  status: ZLoanStatus,
  collateralAsset: z.string(),
  loanAsset: z.string(),
  principal: ZDecimal,
  interest: ZDecimal,
  debt: ZDecimal,
  collateral: ZDecimal,
  proceeds: ZDecimal,
  initialLtvPpm: z.number().int(),
  warningLtvPpm: z.number().int(),
  liquidationLtvPpm: z.number().int(),
  /** Null while the index is missing or the loan holds no collateral. */
  ltvPpm: z.number().int().nullable(),
  indexPrice: ZDecimal.nullable(),
  warningPrice: ZDecimal,
  liquidationPrice: ZDecimal,
  openedAt: z.date(),
  maturesAt: z.date().nullable(),
  closedAt: z.date().nullable(),
});
export type MyLoan = z.output<typeof ZMyLoan>;

/** One step of a loan's history, with what it moved (the difference from the step before). */
export const ZLoanHistoryItem = z.object({
  kind: z.enum([
    "OPENED",
    "ACCRUED",
    "REPAID",
    "COLLATERAL_ADDED",
    "WARNING",
    "LIQUIDATION_STARTED",
    "LIQUIDATION_SLICE",
    "LIQUIDATED",
    "CLOSED",
  ]),
  at: z.date(),
  principal: ZDecimal,
  interest: ZDecimal,
  collateral: ZDecimal,
  proceeds: ZDecimal,
  /** Signed changes this step made (e.g. "-500" principal on a repayment). */
  principalChange: ZDecimal,
  interestChange: ZDecimal,
  collateralChange: ZDecimal,
  proceedsChange: ZDecimal,
  orderId: z.number().int().nullable(),
  /** A liquidation slice's fills (its order's trades), oldest first; empty for other steps. */
  fills: z.array(z.object({ price: ZDecimal, quantity: ZDecimal })).max(1000),
  /** The settlement's return to the borrower: the loan asset left over, and unsold collateral. */
  settlement: z.object({ surplus: ZDecimal, collateralReturned: ZDecimal }).nullable(),
});
export type LoanHistoryItem = z.output<typeof ZLoanHistoryItem>;

/** What the Loans page offers: each enabled product's terms. */
export const ZBorrowOffer = z.object({
  productId: z.number().int(),
  name: z.string(),
  collateralAsset: z.string(),
  loanAsset: z.string(),
  collateralPrecision: z.number().int(),
  loanPrecision: z.number().int(),
  initialLtvPpm: z.number().int(),
  warningLinePpm: z.number().int(),
  liquidationLinePpm: z.number().int(),
  interestPeriod: z.enum(["HOUR", "DAY"]),
  ratePpm: z.number().int(),
  termDays: z.number().int().nullable(),
  minLoan: ZDecimal,
  maxLoan: ZDecimal,
  kycLevel: z.number().int(),
});
export type BorrowOffer = z.output<typeof ZBorrowOffer>;
