import { compare, formatDecimal, parseDecimal, quotient } from "@exchange/contracts/money";
import type { createFormatter } from "next-intl";

/**
 * What the Earn pages compute before putting a product into words; the words themselves are the
 * catalog's (`earn.payoutPeriod`, `earn.earlyRedemption`, `earn.subscriptionStatus`, …).
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The moment a savings day begins. Savings days (value date, payment days, maturity) are UTC
 * calendar days: "2027-01-05" begins at 2027-01-05T00:00Z, which a viewer in GMT+8 reads as
 * 08:00 on the 5th and one in New York as 19:00 on the 4th; null for text that is not a day.
 */
export function savingsDayStart(day: string): Date | null {
  if (!DAY.test(day)) return null;
  const at = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day ? null : at;
}

/** A savings day without its zone, for a column whose header names it. */
const DAY_BARE = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
} as const;

/**
 * A savings day as the moment it begins in the formatter's zone and language: "7 Dec 2026, 08:00
 * GMT+8" (the app's named "dateTime" format), or without the zone where a header names it.
 */
export function savingsDayText(
  format: Pick<ReturnType<typeof createFormatter>, "dateTime">,
  day: string,
  zone = true,
): string {
  const at = savingsDayStart(day);
  if (!at) return day;
  return zone ? format.dateTime(at, "dateTime") : format.dateTime(at, DAY_BARE);
}

/** The next moment a new savings day begins (00:00 UTC) after `now`: when new offers open. */
export function nextSavingsDay(now: Date): Date {
  const next = new Date(now);
  next.setUTCHours(24, 0, 0, 0);
  return next;
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
