import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bankruptcyPriceAtoms,
  interestForPeriodAtoms,
  lineLtvPpm,
  linePriceAtoms,
  lineReached,
  liquidationFeeAtoms,
  ltvPpm,
  ltvWithin,
  maxPrincipalAtoms,
} from "./loan-math";

/** Seed 004 借贷: BTC (8 decimals) at 30 000 USDT (6 decimals), 80 % 质押率. */
const BTC = 100_000_000n;
const USDT = 1_000_000n;
const PRICE = 30_000n * USDT;
const INITIAL = 800_000n;

describe("the seed's worked example", () => {
  it("lends 24 000 USDT against 1 BTC at 30 000 with 80 %", () => {
    expect(maxPrincipalAtoms(BTC, PRICE, 8, INITIAL)).toBe(24_000n * USDT);
    expect(ltvWithin(24_000n * USDT, BTC, PRICE, 8, INITIAL)).toBe(true);
    expect(ltvWithin(24_000n * USDT + 1n, BTC, PRICE, 8, INITIAL)).toBe(false);
    expect(ltvPpm(24_000n * USDT, BTC, PRICE, 8)).toBe(800_000n);
  });

  it("warns at 25 500 (85 %), liquidates at 24 900 (83 %), or at 24 600 on the looser 82 % line", () => {
    const debt = 24_000n * USDT;
    expect(linePriceAtoms(debt, BTC, 8, INITIAL, 850_000n)).toBe(25_500n * USDT);
    expect(linePriceAtoms(debt, BTC, 8, INITIAL, 830_000n)).toBe(24_900n * USDT);
    expect(linePriceAtoms(debt, BTC, 8, INITIAL, 820_000n)).toBe(24_600n * USDT);
  });

  it("reaches a line at exactly its price, not an atom above", () => {
    const debt = 24_000n * USDT;
    expect(lineReached(debt, BTC, 24_600n * USDT, 8, INITIAL, 820_000n)).toBe(true);
    expect(lineReached(debt, BTC, 24_600n * USDT + 1n, 8, INITIAL, 820_000n)).toBe(false);
    expect(lineReached(debt, BTC, 25_500n * USDT, 8, INITIAL, 850_000n)).toBe(true);
    expect(lineReached(debt, BTC, 25_500n * USDT + 1n, 8, INITIAL, 850_000n)).toBe(false);
  });

  it("shows each line's LTV beside it, rounded down (94.1176 %, 96.3855 %, 97.5609 %)", () => {
    expect(lineLtvPpm(INITIAL, 850_000n)).toBe(941_176n);
    expect(lineLtvPpm(INITIAL, 830_000n)).toBe(963_855n);
    expect(lineLtvPpm(INITIAL, 820_000n)).toBe(975_609n);
  });

  it("is bankrupt at 24 000, where the collateral is worth the debt", () => {
    expect(bankruptcyPriceAtoms(24_000n * USDT, BTC, 8)).toBe(24_000n * USDT);
    expect(bankruptcyPriceAtoms(24_000n * USDT, 3n * BTC, 8)).toBe(8_000n * USDT);
    // Rounded up: 1 atom of debt over 3 BTC.
    expect(bankruptcyPriceAtoms(1n, 3n * BTC, 8)).toBe(1n);
  });
});

describe("line prices move with the loan", () => {
  it("fall with added collateral and repayments, rise with accrued interest", () => {
    const at = (debt: bigint, collateral: bigint) =>
      linePriceAtoms(debt, collateral, 8, INITIAL, 820_000n);
    expect(at(24_000n * USDT, 2n * BTC)).toBe(12_300n * USDT);
    expect(at(12_000n * USDT, BTC)).toBe(12_300n * USDT);
    expect(at(24_000n * USDT + 1n, BTC)).toBeGreaterThan(24_600n * USDT);
  });

  it("are never below the true price, and less than an atom above it", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 500_000n, max: 950_000n }),
        (debt, collateral, line) => {
          const price = linePriceAtoms(debt, collateral, 8, INITIAL, line);
          // price ≥ debt × 10^8 × line / (initial × collateral), the true line price …
          expect(price * INITIAL * collateral >= debt * 10n ** 8n * line).toBe(true);
          // … and an atom below it the line has been reached.
          expect(lineReached(debt, collateral, price - 1n, 8, INITIAL, line)).toBe(true);
        },
      ),
    );
  });
});

describe("interest per period", () => {
  it("is principal × rate, rounded up to the atom (the exchange's favour)", () => {
    expect(interestForPeriodAtoms(24_000n * USDT, 100n)).toBe(2_400_000n);
    expect(interestForPeriodAtoms(1_000_000n, 1n)).toBe(1n);
    expect(interestForPeriodAtoms(1_000_001n, 1n)).toBe(2n);
    expect(interestForPeriodAtoms(999_999n, 1n)).toBe(1n);
    expect(interestForPeriodAtoms(1n, 1n)).toBe(1n);
    expect(interestForPeriodAtoms(0n, 500n)).toBe(0n);
    expect(interestForPeriodAtoms(123n, 0n)).toBe(0n);
  });

  it("is never below the exact interest and at most one atom above it", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 20n }),
        fc.bigInt({ min: 0n, max: 1_000_000n }),
        (principal, rate) => {
          const charged = interestForPeriodAtoms(principal, rate);
          expect(charged * 1_000_000n >= principal * rate).toBe(true);
          expect((charged - 1n) * 1_000_000n < principal * rate).toBe(true);
        },
      ),
    );
  });

  it("a liquidation fee is rounded up too", () => {
    expect(liquidationFeeAtoms(24_000n * USDT, 10_000n)).toBe(240n * USDT);
    expect(liquidationFeeAtoms(101n, 10_000n)).toBe(2n);
  });
});
