import type { SavingsPayoutPeriod } from "@exchange/contracts/savings";

/**
 * A subscription's repayment plan, in exact integer arithmetic (pure).
 *
 * Day count: **Actual/365 Fixed**. Interest accrues for every calendar day from the value date
 * (inclusive) to maturity (exclusive), 29 February included, each day worth 1/365 of the annual
 * rate, leap year or not. So a 366-day term that spans 29 February earns 366/365 of the rate.
 *
 * Rounding: the interest of period k is `floor(P × r × D_k / 365) − floor(P × r × D_(k−1) / 365)`,
 * with `D_k` the days from the value date to the end of period k and `r` the annual rate. Each
 * payment is rounded down, and the rounding never accumulates: the payments add up to exactly
 * `floor(P × r × term / 365)`, the whole term's interest rounded down once — at most one atom
 * below the exact figure, kept by the exchange (nothing is taken from anyone, so no account
 * receives it).
 *
 * Periods start at the value date: DAILY every day, WEEKLY every 7 days, MONTHLY on the value
 * date's day of each following month (the month's last day where it has no such day: 31 January →
 * 28 or 29 February → 31 March), AT_MATURITY once. The last period ends at maturity, shorter when
 * the term is not a whole number of periods. A period is paid on the day it ends (its due date,
 * the day after its last day of interest); the principal comes with the last payment.
 */

/** A calendar day as "YYYY-MM-DD", UTC. */
export type Day = string;

export interface ScheduleTerms {
  /** Annual rate in millionths: 50 000 = 5 %. */
  annualRatePpm: number;
  termDays: number;
  payoutPeriod: SavingsPayoutPeriod;
  /** The first day of interest. */
  valueDate: Day;
}

export interface PlannedPayment {
  /** 1 for the first period. */
  seq: number;
  periodStart: Day;
  /** The day the payout run pays it: the period's end. */
  dueDate: Day;
  interestAtoms: bigint;
  /** The principal on the last payment, 0 before it. */
  principalAtoms: bigint;
}

const MS_PER_DAY = 86_400_000;
const DAYS_PER_YEAR = 365n;
const PPM = 1_000_000n;

export function repaymentSchedule(terms: ScheduleTerms, principalAtoms: bigint): PlannedPayment[] {
  if (principalAtoms <= 0n) throw new RangeError("the principal must be positive");
  if (!Number.isSafeInteger(terms.termDays) || terms.termDays < 1) {
    throw new RangeError("the term must be a positive number of days");
  }
  const start = dayNumber(terms.valueDate);
  const ends = periodEnds(start, terms.termDays, terms.payoutPeriod);
  const rate = BigInt(terms.annualRatePpm);
  const accrued = (days: number) => (principalAtoms * rate * BigInt(days)) / (DAYS_PER_YEAR * PPM);
  let previousEnd = start;
  return ends.map((end, i) => {
    const payment: PlannedPayment = {
      seq: i + 1,
      periodStart: dayText(previousEnd),
      dueDate: dayText(end),
      interestAtoms: accrued(end - start) - accrued(previousEnd - start),
      principalAtoms: i === ends.length - 1 ? principalAtoms : 0n,
    };
    previousEnd = end;
    return payment;
  });
}

/** The interest a whole term pays: the sum of the schedule's payments. */
export function termInterest(terms: ScheduleTerms, principalAtoms: bigint): bigint {
  return (
    (principalAtoms * BigInt(terms.annualRatePpm) * BigInt(terms.termDays)) / (DAYS_PER_YEAR * PPM)
  );
}

/** The day numbers (days since 1970-01-01) on which the periods end, the last at maturity. */
function periodEnds(start: number, termDays: number, period: SavingsPayoutPeriod): number[] {
  const maturity = start + termDays;
  const ends: number[] = [];
  for (let k = 1; ; k++) {
    const end = Math.min(periodBoundary(start, k, period), maturity);
    ends.push(end);
    if (end === maturity) return ends;
  }
}

function periodBoundary(start: number, k: number, period: SavingsPayoutPeriod): number {
  switch (period) {
    case "DAILY":
      return start + k;
    case "WEEKLY":
      return start + 7 * k;
    case "MONTHLY":
      return addMonths(start, k);
    case "AT_MATURITY":
      return Number.POSITIVE_INFINITY;
  }
}

/** `k` months after a day, on the same day of the month or the month's last day. */
function addMonths(day: number, k: number): number {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + k;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY;
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" day; throws on anything else. */
export function dayNumber(day: Day): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  if (dayText(ms / MS_PER_DAY) !== day) throw new RangeError(`not a day: ${day}`);
  return ms / MS_PER_DAY;
}

/** The "YYYY-MM-DD" of a day number. */
export function dayText(day: number): Day {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The UTC day of a time. */
export function dayOf(time: Date): Day {
  return time.toISOString().slice(0, 10);
}

/** A day moved by `days` (negative goes back). */
export function addDays(day: Day, days: number): Day {
  return dayText(dayNumber(day) + days);
}

/** A stored `@db.Date` (midnight UTC) as its day, and back. */
export function dateOfDay(day: Day): Date {
  return new Date(dayNumber(day) * MS_PER_DAY);
}
