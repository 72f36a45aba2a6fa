import { ltvPpm } from "@exchange/core";
import { z } from "zod";
import { type Decimal, parseDecimal, toUnits } from "./money";
import { ZDecimal, ZTime } from "./wire";

/**
 * The lending products' public shapes (seed 004 借贷): a loan product with its versioned terms,
 * each line beside its equivalent LTV and price, and the loan pool. Amounts are decimal strings
 * of the asset; ratios are percent strings with up to four decimals ("80" is 80 %, stored as
 * millionths, 800 000); times epoch ms on the wire, Dates once parsed.
 */

/** Interest is charged for each started hour or day of a loan's life. */
export const LOAN_INTEREST_PERIODS = ["HOUR", "DAY"] as const;
export type LoanInterestPeriod = (typeof LOAN_INTEREST_PERIODS)[number];

/** The terms a product may have; null is open-ended (no maturity). */
export const LOAN_TERM_DAYS = [7, 30, 90] as const;
export type LoanTermDays = (typeof LOAN_TERM_DAYS)[number];

export const LOAN_STATUSES = ["OPEN", "LIQUIDATING", "CLOSED", "LIQUIDATED"] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/** A product's terms as one version fixes them. */
export const ZLoanTerms = z.object({
  name: z.string(),
  collateralAsset: z.string(),
  loanAsset: z.string(),
  /** 质押率: the most a loan may borrow against the collateral's value. */
  initialLtvPercent: ZDecimal,
  /** The lines, as fractions of the opening price. */
  warningLinePercent: ZDecimal,
  liquidationLinePercent: ZDecimal,
  /** The liquidation line that acts (at most the stated one). */
  effectiveLiquidationLinePercent: ZDecimal,
  /** Kept from a liquidation's proceeds, a share of the debt. */
  liquidationFeePercent: ZDecimal,
  interestPeriod: z.enum(LOAN_INTEREST_PERIODS),
  /** Interest per period, a share of the principal. */
  ratePercent: ZDecimal,
  /** 7, 30 or 90; null for open-ended. */
  termDays: z.number().int().nullable(),
  minLoan: ZDecimal,
  maxLoan: ZDecimal,
  kycLevel: z.number().int(),
});
export type LoanTerms = z.output<typeof ZLoanTerms>;

export const ZLoanProduct = ZLoanTerms.extend({
  id: z.number().int(),
  enabled: z.boolean(),
  /** The version these terms are, and the one new loans open with. */
  version: z.number().int(),
  createdAt: ZTime,
  updatedAt: ZTime,
});
export type LoanProduct = z.output<typeof ZLoanProduct>;

export const ZLoanProductVersion = ZLoanTerms.extend({
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: ZTime,
});
export type LoanProductVersion = z.output<typeof ZLoanProductVersion>;

export const LOAN_LINES = ["warning", "liquidation", "effectiveLiquidation"] as const;
export type LoanLine = (typeof LOAN_LINES)[number];

/** One line of a product beside what it means: the LTV it is, and the price at a reference. */
export const ZLoanLineView = z.object({
  line: z.enum(LOAN_LINES),
  /** As stated: a fraction of the opening price. */
  linePercent: ZDecimal,
  /** The LTV at which the line is crossed (initial LTV / line), rounded up to 0.0001 %. */
  equivalentLtvPercent: ZDecimal,
  /** The price of the line for a loan opened at the reference price; null without one. */
  price: ZDecimal.nullable(),
});
export type LoanLineView = z.output<typeof ZLoanLineView>;

/** A product with its lines, at the reference price shown beside them. */
export const ZLoanProductWithLines = ZLoanProduct.extend({
  /** Quote (loan asset) per whole collateral unit; null when the market has no price yet. */
  referencePrice: ZDecimal.nullable(),
  lines: z.array(ZLoanLineView),
});
export type LoanProductWithLines = z.output<typeof ZLoanProductWithLines>;

/** The loan pool of one loan asset and what it has lent. */
export const ZLoanPool = z.object({
  asset: z.string(),
  /** What the pool holds now (the engine's `loan` account). */
  balance: ZDecimal,
  /** Principal of open and liquidating loans. */
  outstandingPrincipal: ZDecimal,
  /** Interest those loans owe so far. */
  accruedInterest: ZDecimal,
  /** outstanding / (balance + outstanding), in percent with two decimals; "0" when both are 0. */
  utilisationPercent: ZDecimal,
  /** The insurance account of the asset (negative: the fund's deficit). */
  insurance: z.string(),
});
export type LoanPool = z.output<typeof ZLoanPool>;

/**
 * The market whose index prices a loan (`<SYMBOL>@markprice`): its collateral in its loan
 * asset. Market symbols are base followed by quote (markets/market-draft.ts), as Binance's are.
 */
export function loanIndexSymbol(collateralAsset: string, loanAsset: string): string {
  return `${collateralAsset}${loanAsset}`;
}

/**
 * A loan's LTV in millionths at `indexPrice`: debt / (collateral × index), rounded up, by the
 * core's loan math, as the server shows it. The three decimals are read at one common scale,
 * which the ratio does not depend on, so no asset's precision is needed. Null when a text is
 * not a decimal or there is no collateral.
 */
export function loanLtvPpm(debt: string, collateral: string, indexPrice: string): number | null {
  const values = [debt, collateral, indexPrice].map(parseDecimal);
  if (values.some((v) => v === null)) return null;
  const [d, c, p] = values as [Decimal, Decimal, Decimal];
  if (c.units <= 0n || p.units <= 0n) return null;
  const scale = Math.max(d.scale, c.scale, p.scale);
  const at = (value: Decimal) => toUnits(value, scale, "down");
  return Number(ltvPpm(at(d), at(c), at(p), scale));
}

/**
 * `@account` push (beside the fills and the notifications, marked by `kind`): one of the
 * trader's loans changed, now stored in the read model (the projector sends it after its
 * commit), so the Loans page re-reads the loan and its history.
 */
export const ZLoanPush = z.object({
  kind: z.literal("loan"),
  loanId: z.string(),
  status: z.enum(LOAN_STATUSES),
});
export type LoanPush = z.output<typeof ZLoanPush>;
export type LoanPushWire = z.input<typeof ZLoanPush>;
