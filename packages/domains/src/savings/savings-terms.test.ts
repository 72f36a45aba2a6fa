import { describe, expect, it } from "vitest";
import { addDays } from "./repayment-schedule";
import {
  daysOfMonth,
  instanceCalendar,
  isMonth,
  nextMonth,
  percentToPpm,
  ppmToPercent,
  type StoredTerms,
  storedTermsOf,
  termsOf,
} from "./savings-terms";

describe("rates", () => {
  it("are percent strings on the wire and millionths in storage", () => {
    expect(percentToPpm("5.25")).toBe(52_500);
    expect(percentToPpm("100")).toBe(1_000_000);
    expect(percentToPpm("0.0001")).toBe(1);
    expect(ppmToPercent(52_500)).toBe("5.25");
    expect(ppmToPercent(50_000)).toBe("5");
    expect(ppmToPercent(1)).toBe("0.0001");
    expect(ppmToPercent(0)).toBe("0");
    expect(() => percentToPpm("5.00001")).toThrow(/at most 4/);
  });
});

describe("terms", () => {
  const stored: StoredTerms = {
    name: "USDT 30 days",
    assetCode: "USDT",
    annualRatePpm: 52_500,
    termDays: 30,
    payoutPeriod: "MONTHLY",
    dailyQuotaAtoms: 100_000_000_000n,
    minAmountAtoms: 10_000_000n,
    maxAmountAtoms: 5_000_500_000n,
    kycLevel: 1,
    earlyRedemption: "PENALTY",
    penaltyRatePpm: 10_000,
  };

  it("show amounts with the asset's precision, and read back to the same atoms", () => {
    const terms = termsOf(stored, 6);
    expect(terms).toMatchObject({
      asset: "USDT",
      annualRatePercent: "5.25",
      dailyQuota: "100000",
      minAmount: "10",
      maxAmount: "5000.5",
      penaltyRatePercent: "1",
    });
    expect(storedTermsOf(terms, 6)).toEqual(stored);
  });
});

describe("an instance's calendar", () => {
  it("opens for the whole UTC day and accrues from the next for the term", () => {
    const calendar = instanceCalendar("2027-03-10", 30);
    expect(calendar.windowStart.toISOString()).toBe("2027-03-10T00:00:00.000Z");
    expect(calendar.windowEnd.toISOString()).toBe("2027-03-11T00:00:00.000Z");
    expect(calendar.valueDate).toBe("2027-03-11");
    expect(calendar.maturityDate).toBe("2027-04-10");
  });

  it("crosses month and year ends", () => {
    expect(instanceCalendar("2027-01-31", 1)).toMatchObject({
      valueDate: "2027-02-01",
      maturityDate: "2027-02-02",
    });
    const newYear = instanceCalendar("2027-12-31", 7);
    expect(newYear.windowEnd.toISOString()).toBe("2028-01-01T00:00:00.000Z");
    expect(newYear.maturityDate).toBe("2028-01-08");
  });

  it("knows 29 February in leap years only", () => {
    expect(instanceCalendar("2028-02-28", 1)).toMatchObject({
      valueDate: "2028-02-29",
      maturityDate: "2028-03-01",
    });
    expect(instanceCalendar("2027-02-28", 1)).toMatchObject({
      valueDate: "2027-03-01",
      maturityDate: "2027-03-02",
    });
    expect(instanceCalendar("2028-02-29", 365).maturityDate).toBe("2029-03-01");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(() => instanceCalendar("2027-02-29", 1)).toThrow(/not a day/);
  });
});

describe("months", () => {
  it("have their real number of days", () => {
    expect(daysOfMonth("2028-02")).toHaveLength(29);
    expect(daysOfMonth("2027-02")).toHaveLength(28);
    expect(daysOfMonth("2027-04")).toHaveLength(30);
    expect(daysOfMonth("2027-12").at(-1)).toBe("2027-12-31");
    expect(daysOfMonth("2027-01")[0]).toBe("2027-01-01");
  });

  it("follow each other across a year end", () => {
    expect(nextMonth("2027-12")).toBe("2028-01");
    expect(nextMonth("2027-09")).toBe("2027-10");
  });

  it("are refused unless real", () => {
    for (const text of ["2027-13", "2027-00", "27-01", "2027-1", "1999-12", "2027-01-01"]) {
      expect(isMonth(text)).toBe(false);
    }
    expect(() => daysOfMonth("2027-13")).toThrow(/month/);
  });
});
