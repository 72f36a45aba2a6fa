import { ZDecimal } from "@exchange/contracts/wire";
import { z } from "zod";
import { ZLoanHistoryItem, ZLoanId, ZLoanStatus } from "./borrowing-contracts";

/**
 * Operations' loan book (issue 19 part 7): live loans by risk, one loan's detail with its
 * liquidation's fills and settlement, the approval to sell below bankruptcy, and the insurance
 * account. Amounts are decimal strings of their asset; ratios ppm (800 000 = 80 %).
 */

export const ZStaffLoanInput = z.object({ loanId: ZLoanId });

/** A loan as operations see it, with its figures at the latest recorded index. */
export const ZStaffLoan = z.object({
  id: z.string(),
  userId: z.number().int(),
  email: z.string(),
  productName: z.string(),
  productVersion: z.number().int(),
  status: ZLoanStatus,
  collateralAsset: z.string(),
  loanAsset: z.string(),
  collateral: ZDecimal,
  principal: ZDecimal,
  interest: ZDecimal,
  /** Principal + interest. */
  debt: ZDecimal,
  /** A liquidation's proceeds held so far. */
  proceeds: ZDecimal,
  indexPrice: ZDecimal.nullable(),
  indexAt: z.date().nullable(),
  /** LTV of what is owed at the index; null without an index or collateral. */
  ltvPpm: z.number().int().nullable(),
  initialLtvPpm: z.number().int(),
  warningLtvPpm: z.number().int(),
  liquidationLtvPpm: z.number().int(),
  warningPrice: ZDecimal,
  liquidationPrice: ZDecimal,
  bankruptcyPrice: ZDecimal,
  /** How far the index may fall before the line, ppm of the index; negative once past. */
  warningDistancePpm: z.number().int().nullable(),
  liquidationDistancePpm: z.number().int().nullable(),
  liquidationFeePpm: z.number().int(),
  /** An operator allowed its slices below the bankruptcy price. */
  approvedBelowBankruptcy: z.boolean(),
  openedAt: z.date(),
  maturesAt: z.date().nullable(),
  closedAt: z.date().nullable(),
});
export type StaffLoan = z.output<typeof ZStaffLoan>;

/** Most rows the risk list returns: the riskiest; `total` says how many are live. */
export const LOAN_BOOK_PAGE = 200;

export const ZLoanBookOutput = z.object({ loans: z.array(ZStaffLoan), total: z.number().int() });
export type LoanBookOutput = z.output<typeof ZLoanBookOutput>;

/** One fill of a liquidation slice (the borrower's IOC sell, the taker). */
export const ZSliceFill = z.object({
  tradeId: z.number().int(),
  price: ZDecimal,
  quantity: ZDecimal,
  quoteAmount: ZDecimal,
  fee: ZDecimal,
  feeAsset: z.string(),
  executedAt: z.date(),
});

/** One slice: its order, when, and what it sold and brought in (net of the trading fee). */
export const ZLiquidationSlice = z.object({
  slice: z.number().int(),
  orderId: z.number().int(),
  at: z.date(),
  sold: ZDecimal,
  proceeds: ZDecimal,
  fills: z.array(ZSliceFill),
});
export type LiquidationSlice = z.output<typeof ZLiquidationSlice>;

/** How a settled liquidation was split (the engine's postings). */
export const ZLiquidationSettlement = z.object({
  sold: ZDecimal,
  /** Quote received less the trading fees, in the loan asset. */
  proceeds: ZDecimal,
  tradingFees: ZDecimal,
  debt: ZDecimal,
  liquidationFee: ZDecimal,
  liquidationFeeDue: ZDecimal,
  surplus: ZDecimal,
  collateralReturned: ZDecimal,
  /** Paid by the insurance account. */
  shortfall: ZDecimal,
});
export type LiquidationSettlement = z.output<typeof ZLiquidationSettlement>;

export const ZStaffLoanDetail = z.object({
  loan: ZStaffLoan,
  approval: z.object({ approvedAt: z.date(), approvedBy: z.string().nullable() }).nullable(),
  history: z.array(ZLoanHistoryItem),
  slices: z.array(ZLiquidationSlice),
  settlement: ZLiquidationSettlement.nullable(),
});
export type StaffLoanDetail = z.output<typeof ZStaffLoanDetail>;

export const ZApproveBelowBankruptcyOutput = z.object({
  loanId: z.string(),
  /** It was approved before: nothing was written this time. */
  alreadyApproved: z.boolean(),
});

/** The insurance account of an asset and the liquidation shortfalls it has paid. */
export const ZInsuranceAccount = z.object({
  asset: z.string(),
  /** Negative when the fund is in deficit. */
  balance: ZDecimal,
  coveredCount: z.number().int(),
  covered: ZDecimal,
});

export const ZInsuranceCover = z.object({
  loanId: z.string(),
  asset: z.string(),
  userId: z.number().int(),
  email: z.string(),
  at: z.date(),
  shortfall: ZDecimal,
});

/** Most recent covers listed. */
export const INSURANCE_COVERS_SHOWN = 50;

export const ZInsuranceOutput = z.object({
  accounts: z.array(ZInsuranceAccount),
  covers: z.array(ZInsuranceCover),
});
export type InsuranceOutput = z.output<typeof ZInsuranceOutput>;
