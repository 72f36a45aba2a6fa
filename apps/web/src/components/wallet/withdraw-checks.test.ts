import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withdrawAmountProblem } from "./withdraw-checks";

const USDT = { precision: 6, minWithdrawal: "10", maxAmount: "20000" };

/** A decimal string with `decimals` places, from its integer units. */
const text = (units: bigint, decimals: number) => {
  if (decimals === 0) return units.toString();
  const digits = units.toString().padStart(decimals + 1, "0");
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
};

describe("a withdrawal amount checked before it is sent", () => {
  it("says what is wrong in the order a trader would fix it", () => {
    expect(withdrawAmountProblem("abc", USDT)).toBe("format");
    expect(withdrawAmountProblem("0", USDT)).toBe("not_positive");
    expect(withdrawAmountProblem("1.0000001", USDT)).toBe("too_many_decimals");
    expect(withdrawAmountProblem("9.999999", USDT)).toBe("below_minimum");
    expect(withdrawAmountProblem("20000.000001", USDT)).toBe("above_available");
    expect(withdrawAmountProblem("10", USDT)).toBeNull();
    expect(withdrawAmountProblem(" 20000.000000 ", USDT)).toBeNull();
  });

  it("accepts every amount between the minimum and the most available, at the asset's decimals", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10_000_000n, max: 20_000_000_000n }), (units) => {
        expect(withdrawAmountProblem(text(units, 6), USDT)).toBeNull();
      }),
    );
  });

  it("refuses a non-zero digit beyond the asset's decimals instead of rounding it away", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10_000_000n, max: 20_000_000_000n }),
        fc.integer({ min: 1, max: 9 }),
        (units, extra) => {
          expect(withdrawAmountProblem(`${text(units, 6)}${extra}`, USDT)).toBe(
            "too_many_decimals",
          );
        },
      ),
    );
  });
});
