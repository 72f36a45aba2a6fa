import { z } from "zod";
import { ZDecimal, ZTime } from "./wire";

/**
 * The savings products' public shapes (seed 004 定期固收): a product and its versioned terms, a
 * day's instance, a subscription with its repayment plans, a payout run, the pool. Amounts are
 * decimal strings of the asset; rates are percent strings with up to four decimals ("5.25" is
 * 5.25 % a year; stored as millionths, 52 500); days are "YYYY-MM-DD" (UTC); times epoch ms on
 * the wire, Dates once parsed.
 */

export const SAVINGS_PAYOUT_PERIODS = ["DAILY", "WEEKLY", "MONTHLY", "AT_MATURITY"] as const;
export type SavingsPayoutPeriod = (typeof SAVINGS_PAYOUT_PERIODS)[number];

/** Refused; allowed with the interest paid so far taken back; allowed with a penalty rate. */
export const SAVINGS_EARLY_REDEMPTIONS = ["NOT_ALLOWED", "FORFEIT_INTEREST", "PENALTY"] as const;
export type SavingsEarlyRedemption = (typeof SAVINGS_EARLY_REDEMPTIONS)[number];

export const SAVINGS_PRODUCT_STATUSES = ["ACTIVE", "PAUSED"] as const;
export type SavingsProductStatus = (typeof SAVINGS_PRODUCT_STATUSES)[number];

export const SAVINGS_SUBSCRIPTION_STATUSES = ["PENDING", "ACTIVE", "MATURED", "REDEEMED"] as const;
export type SavingsSubscriptionStatus = (typeof SAVINGS_SUBSCRIPTION_STATUSES)[number];

export const SAVINGS_PLAN_STATUSES = ["PENDING", "PAID", "CANCELLED"] as const;
export type SavingsPlanStatus = (typeof SAVINGS_PLAN_STATUSES)[number];

/** A calendar day, UTC. */
export const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day as YYYY-MM-DD");

/** A product's terms as one version fixes them. */
export const ZSavingsTerms = z.object({
  name: z.string(),
  asset: z.string(),
  annualRatePercent: ZDecimal,
  termDays: z.number().int(),
  payoutPeriod: z.enum(SAVINGS_PAYOUT_PERIODS),
  dailyQuota: ZDecimal,
  minAmount: ZDecimal,
  maxAmount: ZDecimal,
  kycLevel: z.number().int(),
  earlyRedemption: z.enum(SAVINGS_EARLY_REDEMPTIONS),
  /** With PENALTY: the share of the principal kept; "0" otherwise. */
  penaltyRatePercent: ZDecimal,
});
export type SavingsTerms = z.output<typeof ZSavingsTerms>;

export const ZSavingsProduct = ZSavingsTerms.extend({
  id: z.number().int(),
  status: z.enum(SAVINGS_PRODUCT_STATUSES),
  /** The version these terms are, and the one the next instances use. */
  version: z.number().int(),
  createdAt: ZTime,
  updatedAt: ZTime,
});
export type SavingsProduct = z.output<typeof ZSavingsProduct>;

export const ZSavingsProductVersion = ZSavingsTerms.extend({
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: ZTime,
});
export type SavingsProductVersion = z.output<typeof ZSavingsProductVersion>;

/** One day's offer of a product, with the terms of the version it was generated from. */
export const ZSavingsInstance = ZSavingsTerms.extend({
  id: z.number().int(),
  productId: z.number().int(),
  version: z.number().int(),
  day: ZDay,
  windowStart: ZTime,
  windowEnd: ZTime,
  /** Interest accrues from this day to the maturity date. */
  valueDate: ZDay,
  maturityDate: ZDay,
  quota: ZDecimal,
  subscribed: ZDecimal,
  remaining: ZDecimal,
});
export type SavingsInstance = z.output<typeof ZSavingsInstance>;

/** One payment of a subscription's schedule. */
export const ZSavingsPlan = z.object({
  seq: z.number().int(),
  periodStart: ZDay,
  /** The day the payout run pays it. */
  dueDate: ZDay,
  interest: ZDecimal,
  principal: ZDecimal,
  status: z.enum(SAVINGS_PLAN_STATUSES),
  paidAt: ZTime.nullable(),
});
export type SavingsPlan = z.output<typeof ZSavingsPlan>;

export const ZSavingsSubscription = z.object({
  id: z.string(),
  instanceId: z.number().int(),
  productName: z.string(),
  asset: z.string(),
  amount: ZDecimal,
  status: z.enum(SAVINGS_SUBSCRIPTION_STATUSES),
  annualRatePercent: ZDecimal,
  payoutPeriod: z.enum(SAVINGS_PAYOUT_PERIODS),
  earlyRedemption: z.enum(SAVINGS_EARLY_REDEMPTIONS),
  penaltyRatePercent: ZDecimal,
  valueDate: ZDay,
  maturityDate: ZDay,
  /** What the schedule pays in interest over the whole term. */
  interestScheduled: ZDecimal,
  interestPaid: ZDecimal,
  /** On early redemption: the principal returned, and what was kept from it. */
  redeemed: ZDecimal.nullable(),
  deduction: ZDecimal.nullable(),
  createdAt: ZTime,
  endedAt: ZTime.nullable(),
});
export type SavingsSubscription = z.output<typeof ZSavingsSubscription>;

export const ZSavingsSubscriptionDetail = ZSavingsSubscription.extend({
  plans: z.array(ZSavingsPlan),
});
export type SavingsSubscriptionDetail = z.output<typeof ZSavingsSubscriptionDetail>;

/** What redeeming now would return, shown before the user confirms. */
export const ZSavingsRedemptionQuote = z.object({
  subscriptionId: z.string(),
  asset: z.string(),
  principal: ZDecimal,
  deduction: ZDecimal,
  returned: ZDecimal,
  /** Scheduled interest that will not be paid. */
  interestForgone: ZDecimal,
});
export type SavingsRedemptionQuote = z.output<typeof ZSavingsRedemptionQuote>;

/** A subscription as operations see it: with its owner. */
export const ZSavingsSubscriptionAdmin = ZSavingsSubscription.extend({
  userId: z.number().int(),
  email: z.string(),
});
export type SavingsSubscriptionAdmin = z.output<typeof ZSavingsSubscriptionAdmin>;

export const ZSavingsPayoutRun = z.object({
  id: z.string(),
  asOf: ZDay,
  /** `schedule` (the daily job) or `operations` (triggered for a date). */
  trigger: z.string(),
  triggeredBy: z.string().nullable(),
  startedAt: ZTime,
  finishedAt: ZTime.nullable(),
  /** Null while running. */
  ok: z.boolean().nullable(),
  error: z.string().nullable(),
  plansPaid: z.number().int(),
  totals: z.array(z.object({ asset: z.string(), interest: ZDecimal, principal: ZDecimal })),
});
export type SavingsPayoutRun = z.output<typeof ZSavingsPayoutRun>;

/** The savings pool of one asset against what the open subscriptions hold in it. */
export const ZSavingsPool = z.object({
  asset: z.string(),
  /** The engine's savings pool account (its projection). */
  poolBalance: ZDecimal,
  /** Principal of ACTIVE subscriptions; equals the pool when the books agree. */
  outstandingPrincipal: ZDecimal,
  /** What savings have cost so far: interest paid less early-redemption deductions. */
  interestExpense: ZDecimal,
  /** Interest still scheduled on ACTIVE subscriptions. */
  interestScheduled: ZDecimal,
});
export type SavingsPool = z.output<typeof ZSavingsPool>;
