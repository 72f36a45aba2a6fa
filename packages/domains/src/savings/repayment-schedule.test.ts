import { SAVINGS_PAYOUT_PERIODS } from "@exchange/contracts/savings";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dayNumber,
  repaymentSchedule,
  type ScheduleTerms,
  termInterest,
} from "./repayment-schedule";

const USDT = 1_000_000n; // atoms per USDT (6 decimals)

function terms(overrides: Partial<ScheduleTerms>): ScheduleTerms {
  return {
    annualRatePpm: 50_000,
    termDays: 30,
    payoutPeriod: "AT_MATURITY",
    valueDate: "2027-01-01",
    ...overrides,
  };
}

describe("repayment schedule", () => {
  it("pays a 30-day 5 % term at maturity: interest rounded down to the atom, with the principal", () => {
    // 1 000 USDT × 5 % × 30 / 365 = 4.10958904… USDT
    expect(repaymentSchedule(terms({}), 1_000n * USDT)).toEqual([
      {
        seq: 1,
        periodStart: "2027-01-01",
        dueDate: "2027-01-31",
        interestAtoms: 4_109_589n,
        principalAtoms: 1_000n * USDT,
      },
    ]);
  });

  it("pays daily: one payment a day, each rounded down, adding up to the whole term's interest", () => {
    const plan = repaymentSchedule(terms({ payoutPeriod: "DAILY", termDays: 7 }), 1_000n * USDT);
    expect(plan.map((p) => p.dueDate)).toEqual([
      "2027-01-02",
      "2027-01-03",
      "2027-01-04",
      "2027-01-05",
      "2027-01-06",
      "2027-01-07",
      "2027-01-08",
    ]);
    // 1 000 × 5 % / 365 = 0.136986301… a day: each day pays the rounded-down
    // cumulative interest less what the days before it paid.
    expect(plan.map((p) => p.interestAtoms)).toEqual([
      136_986n, // floor(136 986.3)
      136_986n, // floor(273 972.6) − 136 986
      136_986n, // floor(410 958.9) − 273 972
      136_987n, // floor(547 945.2) − 410 958
      136_986n,
      136_986n,
      136_987n,
    ]);
    expect(plan.reduce((sum, p) => sum + p.interestAtoms, 0n)).toBe(958_904n);
    expect(plan.map((p) => p.principalAtoms)).toEqual([0n, 0n, 0n, 0n, 0n, 0n, 1_000n * USDT]);
  });

  it("pays weekly with a shorter last week", () => {
    const plan = repaymentSchedule(terms({ payoutPeriod: "WEEKLY", termDays: 30 }), 365n * USDT);
    // 365 USDT at 5 %: exactly 0.05 USDT a day.
    expect(plan.map((p) => [p.periodStart, p.dueDate, p.interestAtoms])).toEqual([
      ["2027-01-01", "2027-01-08", 350_000n],
      ["2027-01-08", "2027-01-15", 350_000n],
      ["2027-01-15", "2027-01-22", 350_000n],
      ["2027-01-22", "2027-01-29", 350_000n],
      ["2027-01-29", "2027-01-31", 100_000n],
    ]);
  });

  it("pays monthly on the value date's day, the month's last day where it has none", () => {
    const plan = repaymentSchedule(
      terms({ payoutPeriod: "MONTHLY", termDays: 90, valueDate: "2027-01-31" }),
      365n * USDT,
    );
    expect(plan.map((p) => [p.dueDate, p.interestAtoms])).toEqual([
      ["2027-02-28", 1_400_000n], // 28 days
      ["2027-03-31", 1_550_000n], // 31 days
      ["2027-04-30", 1_500_000n], // 30 days
      ["2027-05-01", 50_000n], // the 90th day
    ]);
  });

  it("counts 29 February in a leap year: a month from 31 January is 29 days, a 366-day year earns 366/365", () => {
    const monthly = repaymentSchedule(
      terms({ payoutPeriod: "MONTHLY", termDays: 60, valueDate: "2028-01-31" }),
      365n * USDT,
    );
    expect(monthly[0]).toMatchObject({ dueDate: "2028-02-29", interestAtoms: 1_450_000n });
    const year = repaymentSchedule(
      terms({ payoutPeriod: "AT_MATURITY", termDays: 366, valueDate: "2028-01-01" }),
      365n * USDT,
    );
    expect(year).toEqual([
      expect.objectContaining({ dueDate: "2029-01-01", interestAtoms: 18_300_000n }),
    ]);
  });

  it("pays nothing but the principal at a zero rate", () => {
    const plan = repaymentSchedule(
      terms({ annualRatePpm: 0, payoutPeriod: "WEEKLY", termDays: 14 }),
      5n,
    );
    expect(plan.map((p) => [p.interestAtoms, p.principalAtoms])).toEqual([
      [0n, 0n],
      [0n, 5n],
    ]);
  });

  it("for any terms: periods tile the term, interest adds up to the term's rounded-down interest, principal once", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 800 }),
        fc.constantFrom(...SAVINGS_PAYOUT_PERIODS),
        fc.integer({ min: dayNumber("2000-01-01"), max: dayNumber("2099-12-31") }),
        (principal, annualRatePpm, termDays, payoutPeriod, startDay) => {
          const valueDate = addDays("1970-01-01", startDay);
          const t = { annualRatePpm, termDays, payoutPeriod, valueDate };
          const plan = repaymentSchedule(t, principal);
          expect(plan[0]?.periodStart).toBe(valueDate);
          expect(plan.at(-1)?.dueDate).toBe(addDays(valueDate, termDays));
          plan.forEach((p, i) => {
            expect(p.seq).toBe(i + 1);
            expect(p.interestAtoms >= 0n).toBe(true);
            expect(dayNumber(p.dueDate)).toBeGreaterThan(dayNumber(p.periodStart));
            if (i > 0) expect(p.periodStart).toBe(plan[i - 1]?.dueDate);
            expect(p.principalAtoms).toBe(i === plan.length - 1 ? principal : 0n);
          });
          const total = plan.reduce((sum, p) => sum + p.interestAtoms, 0n);
          expect(total).toBe(termInterest(t, principal));
          // Never above the exact interest, at most one atom below it.
          const exact = principal * BigInt(annualRatePpm) * BigInt(termDays);
          expect(total * 365_000_000n <= exact).toBe(true);
          expect((total + 1n) * 365_000_000n > exact).toBe(true);
        },
      ),
    );
  });

  it("refuses a day that is not one", () => {
    expect(() => dayNumber("2027-02-30")).toThrow(RangeError);
    expect(() => repaymentSchedule(terms({ valueDate: "2027-1-1" }), 1n)).toThrow(RangeError);
    expect(() => repaymentSchedule(terms({}), 0n)).toThrow(RangeError);
  });
});
