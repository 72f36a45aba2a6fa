import { formatUnits, parseUnits } from "@exchange/contracts/money";
import type {
  SavingsEarlyRedemption,
  SavingsPayoutPeriod,
  SavingsTerms,
} from "@exchange/contracts/savings";
import { addDays, type Day, dateOfDay, dayOf } from "./repayment-schedule";

/**
 * The savings terms between their stored form and the wire's, and the calendar of an instance.
 * Pure: no clock, no database.
 *
 * Rates are stored as millionths of one (ppm): 5.25 % a year = 0.0525 = 52 500 ppm, so a percent
 * string has at most four decimals. Days are UTC calendar days, "YYYY-MM-DD" in code and on the
 * wire, a Date at 00:00Z in a DATE column.
 */

/** Decimals of a percent string: one ppm is 0.0001 %. */
export const RATE_PERCENT_DECIMALS = 4;

/** "5.25" → 52 500. Throws the money module's UnitsError beyond four decimals. */
export function percentToPpm(percent: string): number {
  return Number(parseUnits(percent, RATE_PERCENT_DECIMALS));
}

/** 52 500 → "5.25"; 0 → "0". */
export function ppmToPercent(ppm: number): string {
  return formatUnits(BigInt(ppm), RATE_PERCENT_DECIMALS);
}

/** A version's terms as stored: amounts in atoms of the product's asset, rates in ppm. */
export interface StoredTerms {
  name: string;
  assetCode: string;
  annualRatePpm: number;
  termDays: number;
  payoutPeriod: SavingsPayoutPeriod;
  dailyQuotaAtoms: bigint;
  minAmountAtoms: bigint;
  maxAmountAtoms: bigint;
  kycLevel: number;
  earlyRedemption: SavingsEarlyRedemption;
  penaltyRatePpm: number;
}

/** The wire's terms of a stored version, amounts with the asset's `precision`. */
export function termsOf(stored: StoredTerms, precision: number): SavingsTerms {
  return {
    name: stored.name,
    asset: stored.assetCode,
    annualRatePercent: ppmToPercent(stored.annualRatePpm),
    termDays: stored.termDays,
    payoutPeriod: stored.payoutPeriod,
    dailyQuota: formatUnits(stored.dailyQuotaAtoms, precision),
    minAmount: formatUnits(stored.minAmountAtoms, precision),
    maxAmount: formatUnits(stored.maxAmountAtoms, precision),
    kycLevel: stored.kycLevel,
    earlyRedemption: stored.earlyRedemption,
    penaltyRatePercent: ppmToPercent(stored.penaltyRatePpm),
  };
}

/** The stored terms of wire terms; throws UnitsError where an amount has too many decimals. */
export function storedTermsOf(terms: SavingsTerms, precision: number): StoredTerms {
  return {
    name: terms.name,
    assetCode: terms.asset,
    annualRatePpm: percentToPpm(terms.annualRatePercent),
    termDays: terms.termDays,
    payoutPeriod: terms.payoutPeriod,
    dailyQuotaAtoms: parseUnits(terms.dailyQuota, precision),
    minAmountAtoms: parseUnits(terms.minAmount, precision),
    maxAmountAtoms: parseUnits(terms.maxAmount, precision),
    kycLevel: terms.kycLevel,
    earlyRedemption: terms.earlyRedemption,
    penaltyRatePpm: percentToPpm(terms.penaltyRatePercent),
  };
}

// ── Days ─────────────────────────────────────────────────────────────────────────────────────
// The one day helper is the repayment schedule's (Day, dayOf, addDays, dateOfDay).

const MONTH_TEXT = /^(\d{4})-(\d{2})$/;

/** When an instance of `day` is open and when its interest runs (SPEC §8; the common day rule). */
export interface InstanceCalendar {
  day: Day;
  /** Subscriptions from 00:00Z of the day … */
  windowStart: Date;
  /** … up to, not including, 00:00Z of the next. */
  windowEnd: Date;
  /** Interest accrues from the next day … */
  valueDate: Day;
  /** … for `termDays` days; the principal is due on this day. */
  maturityDate: Day;
}

export function instanceCalendar(day: Day, termDays: number): InstanceCalendar {
  const valueDate = addDays(day, 1);
  return {
    day,
    windowStart: dateOfDay(day),
    windowEnd: dateOfDay(valueDate),
    valueDate,
    maturityDate: addDays(valueDate, termDays),
  };
}

/** Whether `month` is "YYYY-MM" of a real month (years 2000–9999: nothing is offered before). */
export function isMonth(month: string): boolean {
  const match = MONTH_TEXT.exec(month);
  if (!match) return false;
  const year = Number(match[1]);
  const number = Number(match[2]);
  return year >= 2000 && number >= 1 && number <= 12;
}

/** Every day of `month` ("2028-02" → "2028-02-01" … "2028-02-29"). */
export function daysOfMonth(month: string): Day[] {
  if (!isMonth(month)) throw new RangeError(`not a month: ${JSON.stringify(month)}`);
  const days: Day[] = [];
  for (let day = `${month}-01`; day.startsWith(month); day = addDays(day, 1)) days.push(day);
  return days;
}

/** The month of a time, and the one after it: "2028-12" → "2029-01". */
export function monthOf(time: Date): string {
  return dayOf(time).slice(0, 7);
}

export function nextMonth(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`;
}
