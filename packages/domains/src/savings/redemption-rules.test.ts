import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { penaltyAtoms, redemptionAmounts } from "./redemption-rules";

const USDT = 1_000_000n; // atoms per USDT (6 decimals)

describe("early redemption amounts", () => {
  it("rounds a penalty up to the atom: 1 % of 0.000150 USDT keeps 2 atoms, not 1.5", () => {
    expect(penaltyAtoms(150n, 10_000)).toBe(2n);
    expect(penaltyAtoms(100n, 10_000)).toBe(1n);
    expect(penaltyAtoms(1_000n * USDT, 5_000)).toBe(5n * USDT); // 0.5 % of 1 000 USDT
    expect(penaltyAtoms(0n, 10_000)).toBe(0n);
    expect(penaltyAtoms(1n, 0)).toBe(0n);
  });

  it("keeps the penalty under PENALTY, whatever interest was paid", () => {
    const amounts = redemptionAmounts({
      rule: "PENALTY",
      penaltyRatePpm: 20_000, // 2 %
      principalAtoms: 500n * USDT,
      interestPaidAtoms: 3n * USDT,
      interestPendingAtoms: 7n * USDT,
    });
    expect(amounts).toEqual({
      forfeitInterest: false,
      penaltyAtoms: 10n * USDT,
      deductionAtoms: 10n * USDT,
      returnedAtoms: 490n * USDT,
      interestForgoneAtoms: 7n * USDT,
    });
  });

  it("takes back the interest paid under FORFEIT_INTEREST, and no penalty", () => {
    const amounts = redemptionAmounts({
      rule: "FORFEIT_INTEREST",
      penaltyRatePpm: 20_000,
      principalAtoms: 500n * USDT,
      interestPaidAtoms: 1_234_567n,
      interestPendingAtoms: 2n * USDT,
    });
    expect(amounts.forfeitInterest).toBe(true);
    expect(amounts.penaltyAtoms).toBe(0n);
    expect(amounts.deductionAtoms).toBe(1_234_567n);
    expect(amounts.returnedAtoms).toBe(500n * USDT - 1_234_567n);
  });

  it("never keeps more than the principal", () => {
    const amounts = redemptionAmounts({
      rule: "PENALTY",
      penaltyRatePpm: 1_500_000,
      principalAtoms: 10n,
      interestPaidAtoms: 0n,
      interestPendingAtoms: 0n,
    });
    expect(amounts.deductionAtoms).toBe(10n);
    expect(amounts.returnedAtoms).toBe(0n);
  });

  it("refuses to compute a redemption the rule does not allow", () => {
    expect(() =>
      redemptionAmounts({
        rule: "NOT_ALLOWED",
        penaltyRatePpm: 0,
        principalAtoms: 1n,
        interestPaidAtoms: 0n,
        interestPendingAtoms: 0n,
      }),
    ).toThrow();
  });

  it("returned + deduction is the principal; the penalty is the least whole atom at or above the rate", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.constantFrom("PENALTY" as const, "FORFEIT_INTEREST" as const),
        (principal, ppm, paid, rule) => {
          const a = redemptionAmounts({
            rule,
            penaltyRatePpm: ppm,
            principalAtoms: principal,
            interestPaidAtoms: paid,
            interestPendingAtoms: 0n,
          });
          expect(a.returnedAtoms + a.deductionAtoms).toBe(principal);
          expect(a.returnedAtoms >= 0n).toBe(true);
          const exact = principal * BigInt(ppm);
          const penalty = penaltyAtoms(principal, ppm);
          expect(penalty * 1_000_000n >= exact).toBe(true);
          expect((penalty - 1n) * 1_000_000n < exact || penalty === 0n).toBe(true);
        },
      ),
    );
  });
});
