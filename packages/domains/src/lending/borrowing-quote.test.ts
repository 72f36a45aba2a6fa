import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loanFigures, type QuoteTerms } from "./borrowing-quote";
import { equivalentLtvPpm } from "./product-lines";

/** Seed 004 借贷: BTC (8 decimals) at 30 000 USDT (6 decimals), 80 % 质押率. */
const TERMS: QuoteTerms = {
  initialLtvPpm: 800_000,
  warningLinePpm: 850_000,
  effectiveLiquidationLinePpm: 830_000,
  interestPeriod: "DAY",
  ratePpm: 200,
  termDays: 30,
};
const BTC = 100_000_000n;
const USDT = 1_000_000n;
const PRICE = 30_000n * USDT;

describe("loan quote: the seed's worked example", () => {
  it("lends 24 000 USDT against 1 BTC at 30 000, an LTV of 80 %", () => {
    const max = loanFigures(TERMS, 8, BTC, 0n, PRICE).maxPrincipalAtoms;
    expect(max).toBe(24_000n * USDT);
    const f = loanFigures(TERMS, 8, BTC, max, PRICE);
    expect(f.ltvPpm).toBe(800_000n);
    expect(f.warningPriceAtoms).toBe(25_500n * USDT);
    expect(f.liquidationPriceAtoms).toBe(24_900n * USDT);
    expect(f.bankruptcyPriceAtoms).toBe(24_000n * USDT);
  });

  it("shows 24 600 with the looser line operators may set", () => {
    const looser = { ...TERMS, effectiveLiquidationLinePpm: 820_000 };
    expect(loanFigures(looser, 8, BTC, 24_000n * USDT, PRICE).liquidationPriceAtoms).toBe(
      24_600n * USDT,
    );
  });

  it("charges interest per period rounded up, and for the whole term", () => {
    const f = loanFigures(TERMS, 8, BTC, 24_000n * USDT, PRICE);
    expect(f.interestPerPeriodAtoms).toBe(4_800_000n); // 24 000 × 0.02 % = 4.8 USDT a day
    expect(f.interestForTermAtoms).toBe(144_000_000n);
    const odd = loanFigures({ ...TERMS, ratePpm: 3 }, 8, BTC, 1_000_001n, PRICE);
    expect(odd.interestPerPeriodAtoms).toBe(4n); // 3.000003 atoms, rounded up
    expect(loanFigures({ ...TERMS, termDays: null }, 8, BTC, 1n, PRICE).interestForTermAtoms).toBe(
      null,
    );
  });

  it("stores the lines as LTV thresholds rounded up (≈ 94.12 %, ≈ 97.56 %)", () => {
    expect(equivalentLtvPpm(800_000, 850_000)).toBe(941_177);
    expect(equivalentLtvPpm(800_000, 820_000)).toBe(975_610);
  });

  it("never quotes more than the initial LTV allows, nor a warning price below the true one", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (collateral, price) => {
          const f = loanFigures(TERMS, 8, collateral, 0n, price);
          const at = loanFigures(TERMS, 8, collateral, f.maxPrincipalAtoms, price);
          expect(at.ltvPpm <= 800_000n).toBe(true);
          // At the warning price the loan has reached the warning line (debt × L ≥ init × value).
          const debt = f.maxPrincipalAtoms;
          expect(debt * BTC * 850_000n <= 800_000n * collateral * at.warningPriceAtoms).toBe(true);
        },
      ),
    );
  });
});
