import { describe, expect, it } from "vitest";
import { type AccruingLoan, dueAccruals, PERIOD_MS, periodsBegun } from "./interest";

const OPENED = Date.UTC(2026, 0, 1, 12, 0, 0);
const DAY = PERIOD_MS.DAY;
const HOUR = PERIOD_MS.HOUR;

function loan(overrides: Partial<AccruingLoan> = {}): AccruingLoan {
  return {
    loanId: "loan-1",
    principalAtoms: 24_000n * 10n ** 8n,
    ratePpm: 300n,
    period: "DAY",
    openedAtMs: OPENED,
    maturesAtMs: OPENED + 7 * DAY,
    accruedPeriods: 0,
    ...overrides,
  };
}

describe("loan interest periods", () => {
  it("owes the first period from the opening, and one more each full period of loan life", () => {
    expect(periodsBegun(loan(), OPENED - 1)).toBe(0);
    expect(periodsBegun(loan(), OPENED)).toBe(1);
    expect(periodsBegun(loan(), OPENED + DAY - 1)).toBe(1);
    expect(periodsBegun(loan(), OPENED + DAY)).toBe(2);
    expect(periodsBegun(loan({ period: "HOUR" }), OPENED + 5 * HOUR + 1)).toBe(6);
  });

  it("owes no period beginning at or after maturity; an open-ended loan runs on", () => {
    expect(periodsBegun(loan(), OPENED + 30 * DAY)).toBe(7);
    expect(periodsBegun(loan({ maturesAtMs: null }), OPENED + 30 * DAY)).toBe(31);
  });

  it("charges ⌈principal × rate / 10^6⌉ per period, rounded up in the exchange's favour", () => {
    const [first] = dueAccruals(loan(), OPENED);
    expect(first).toEqual({ loanId: "loan-1", periodNo: 1, interestAtoms: 720_000_000n });
    const [odd] = dueAccruals(loan({ principalAtoms: 1_000_001n, ratePpm: 1n }), OPENED);
    expect(odd?.interestAtoms).toBe(2n);
  });

  it("sends only the periods not yet accrued, numbered from where the loan stands", () => {
    const due = dueAccruals(loan({ period: "HOUR", accruedPeriods: 3 }), OPENED + 5 * HOUR);
    expect(due.map((d) => d.periodNo)).toEqual([4, 5, 6]);
    expect(dueAccruals(loan({ accruedPeriods: 7 }), OPENED + 30 * DAY)).toEqual([]);
  });
});
