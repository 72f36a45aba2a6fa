import { compare, formatDecimal, parseDecimal, quotient } from "@exchange/contracts/money";
import type {
  SavingsEarlyRedemption,
  SavingsPayoutPeriod,
  SavingsPlanStatus,
  SavingsSubscriptionStatus,
} from "@exchange/contracts/savings";

/** How the Earn pages put a product's terms and a subscription's states into words. */

export const PAYOUT_PERIOD_WORDS: Record<SavingsPayoutPeriod, string> = {
  DAILY: "Interest daily",
  WEEKLY: "Interest weekly",
  MONTHLY: "Interest monthly",
  AT_MATURITY: "Interest at maturity",
};

/** The early-redemption rule, in words a subscriber decides on. */
export function earlyRedemptionWords(rule: SavingsEarlyRedemption, penaltyPercent: string): string {
  switch (rule) {
    case "NOT_ALLOWED":
      return "No early redemption: the principal returns at maturity";
    case "FORFEIT_INTEREST":
      return "Redeem any time; interest already paid is taken back";
    case "PENALTY":
      return `Redeem any time for a ${penaltyPercent}% penalty on the principal`;
  }
}

export const SUBSCRIPTION_STATUS_WORDS: Record<SavingsSubscriptionStatus, string> = {
  PENDING: "Confirming",
  ACTIVE: "Earning",
  MATURED: "Matured, paid out",
  REDEEMED: "Redeemed early",
};

export const PLAN_STATUS_WORDS: Record<SavingsPlanStatus, string> = {
  PENDING: "Scheduled",
  PAID: "Paid",
  CANCELLED: "Cancelled",
};

/** "30 days", "1 day". */
export function termWords(days: number): string {
  return days === 1 ? "1 day" : `${days} days`;
}

/** "2027-01-05" → "5 Jan 2027" (the day is UTC, and so is its display). */
export function dayWords(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** The share of the quota still open, 0–100 with one decimal, for the bar; 0 when unknown. */
export function remainingPercent(remaining: string, quota: string): number {
  const left = parseDecimal(remaining);
  const whole = parseDecimal(quota);
  if (!left || !whole || whole.units === 0n) return 0;
  const share = quotient(left, whole, 3, "down");
  const percent = Number(formatDecimal(share)) * 100;
  return Math.max(0, Math.min(100, Math.round(percent * 10) / 10));
}

/** The least of the decimal strings given (ignoring any that are not numbers). */
export function leastOf(...values: string[]): string | undefined {
  let least: string | undefined;
  for (const value of values) {
    const parsed = parseDecimal(value);
    if (!parsed) continue;
    const current = least === undefined ? undefined : parseDecimal(least);
    if (!current || compare(parsed, current) < 0) least = value;
  }
  return least;
}
