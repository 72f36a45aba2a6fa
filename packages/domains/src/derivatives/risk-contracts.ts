import { ZDecimal } from "@exchange/contracts/wire";
import { z } from "zod";
import { ZBigRowCursor } from "../input-bounds";
import { ZFuturesPosition } from "./futures-views";

/**
 * Operations' futures risk view (issue 20 §8): each contract's mark, funding and open interest;
 * open positions ranked by margin ratio; liquidations with their fills; the insurance fund and
 * its history; each contract's funding history. Read-only. Amounts are decimal strings in the
 * contract's settle asset; signed ones carry a leading minus.
 */

const ZSymbol = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Z0-9]+-PERP$/, "A contract symbol such as BTCUSDT-PERP.");

/** A signed decimal (a loss, a payment out of the fund). */
const ZSignedDecimal = z.string().regex(/^-?\d+(\.\d+)?$/);

/** A contract's prices, funding and open interest. */
export const ZRiskContract = z.object({
  symbol: z.string(),
  baseAsset: z.string(),
  settleAsset: z.string(),
  markPrice: ZDecimal.nullable(),
  indexPrice: ZDecimal.nullable(),
  markAt: z.date().nullable(),
  /** The last settled rate, a fraction (0.000100 = 0.01 %). */
  lastFundingRate: z.string().nullable(),
  nextFundingTime: z.number().int(),
  /** The long side's quantity (the short side's is the same), in the base asset. */
  openInterest: ZDecimal,
  /** Open interest at the mark, in the settle asset; null before the first mark. */
  openInterestNotional: ZDecimal.nullable(),
  longPositions: z.number().int(),
  shortPositions: z.number().int(),
});
export type RiskContract = z.output<typeof ZRiskContract>;

export const ZRiskContractsOutput = z.array(ZRiskContract);

export const ZRiskPositionsInput = z.object({
  symbol: ZSymbol.optional(),
  /** How many of the riskiest to return. */
  limit: z.number().int().min(1).max(500).default(100),
});
export type RiskPositionsInput = z.output<typeof ZRiskPositionsInput>;

/** An open position as operations see it: its trader and the trader page's figures. */
export const ZRiskPosition = ZFuturesPosition.extend({
  userId: z.number().int(),
  email: z.string(),
  settleAsset: z.string(),
  /** Maintenance over margin balance, ppm (1 000 000 and more: at or past liquidation). */
  marginRatioPpm: z.number().int().nullable(),
});
export type RiskPosition = z.output<typeof ZRiskPosition>;

export const ZRiskPositionsOutput = z.object({
  positions: z.array(ZRiskPosition),
  /** Open positions in all (or of the contract asked for). */
  total: z.number().int(),
});
export type RiskPositionsOutput = z.output<typeof ZRiskPositionsOutput>;

export const ZRiskLiquidationsInput = z.object({
  symbol: ZSymbol.optional(),
  limit: z.number().int().min(1).max(100).default(25),
  /** The `nextCursor` of the previous page. */
  cursor: ZBigRowCursor.nullish(),
});

/** A liquidation: what was taken over, how the book and auto-deleveraging closed it, the fund. */
export const ZRiskLiquidation = z.object({
  id: z.string(),
  userId: z.number().int(),
  email: z.string(),
  symbol: z.string(),
  settleAsset: z.string(),
  side: z.enum(["long", "short"]),
  size: ZDecimal,
  markPrice: ZDecimal,
  bankruptcyPrice: ZDecimal,
  /** Closed through the book. */
  bookSize: ZDecimal,
  /** Closed by auto-deleveraging. */
  deleveragedSize: ZDecimal,
  /** > 0 margin left to the insurance fund; < 0 a loss the fund covered. */
  insurance: ZSignedDecimal,
  at: z.date(),
});
export type RiskLiquidation = z.output<typeof ZRiskLiquidation>;

export const ZRiskLiquidationsOutput = z.object({
  items: z.array(ZRiskLiquidation),
  nextCursor: z.string().nullable(),
});
export type RiskLiquidationsOutput = z.output<typeof ZRiskLiquidationsOutput>;

export const ZRiskLiquidationInput = z.object({ id: z.string().regex(/^\d{1,18}$/) });

/** One book fill of a liquidation's close. */
export const ZCloseFill = z.object({
  tradeId: z.number().int(),
  price: ZDecimal,
  quantity: ZDecimal,
  quoteAmount: ZDecimal,
  /** The trader whose resting order took it. */
  counterpartyUserId: z.number().int(),
  executedAt: z.date(),
});

/** An opposite position reduced by auto-deleveraging at the bankruptcy price. */
export const ZDeleverageLine = z.object({
  userId: z.number().int(),
  email: z.string(),
  quantity: ZDecimal,
  price: ZDecimal.nullable(),
  realisedPnl: ZSignedDecimal,
  at: z.date(),
});

export const ZRiskLiquidationDetail = z.object({
  liquidation: ZRiskLiquidation,
  fills: z.array(ZCloseFill),
  deleveraging: z.array(ZDeleverageLine),
});
export type RiskLiquidationDetail = z.output<typeof ZRiskLiquidationDetail>;

/** A change of the insurance fund: a futures liquidation's share or a loan's shortfall. */
export const ZInsuranceLine = z.object({
  kind: z.enum(["liquidation", "loanShortfall"]),
  /** The liquidation's id or the loan's. */
  ref: z.string(),
  symbol: z.string().nullable(),
  userId: z.number().int(),
  email: z.string(),
  /** > 0 into the fund, < 0 out of it. */
  amount: ZSignedDecimal,
  at: z.date(),
});
export type InsuranceLine = z.output<typeof ZInsuranceLine>;

export const ZInsuranceFund = z.object({
  asset: z.string(),
  /** The engine's insurance account (shared with lending), as projected. */
  balance: ZSignedDecimal,
  /** Liquidations' margin left to the fund, in all. */
  takenIn: ZDecimal,
  /** Losses of liquidations the fund covered, in all. */
  paidOut: ZDecimal,
  /** Newest first, at most {@link INSURANCE_LINES_SHOWN}. */
  history: z.array(ZInsuranceLine),
});
export type InsuranceFund = z.output<typeof ZInsuranceFund>;

/** One fund per settle asset of the listed contracts. */
export const ZInsuranceFundsOutput = z.array(ZInsuranceFund);

export const INSURANCE_LINES_SHOWN = 50;

export const ZFundingHistoryInput = z.object({
  symbol: ZSymbol,
  limit: z.number().int().min(1).max(100).default(30),
  /** The `nextCursor` of the previous page (a funding time, ms). */
  cursor: z
    .string()
    .regex(/^\d{1,15}$/)
    .nullish(),
});

/** One funding settlement: what longs and shorts paid and received, and the remainder. */
export const ZFundingRow = z.object({
  fundingTime: z.date(),
  rate: z.string(),
  markPrice: ZDecimal,
  paid: ZDecimal,
  received: ZDecimal,
  /** paid − received, to the rounding account (never the other way: the venue's favour). */
  rounding: ZDecimal,
  positions: z.number().int(),
  /** paid − received − rounding: zero when the settlement balances. */
  imbalance: ZSignedDecimal,
  /** The positions' own funding lines sum to the rounding (paid − received). */
  linesBalance: z.boolean(),
});
export type FundingRow = z.output<typeof ZFundingRow>;

export const ZFundingHistoryOutput = z.object({
  settleAsset: z.string(),
  items: z.array(ZFundingRow),
  nextCursor: z.string().nullable(),
});
export type FundingHistoryOutput = z.output<typeof ZFundingHistoryOutput>;
