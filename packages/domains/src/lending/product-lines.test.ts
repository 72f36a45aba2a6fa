import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  borrowableAtoms,
  equivalentLtvPpm,
  linePriceAtoms,
  lineProblems,
  PPM,
  percentToPpm,
  ppmToPercent,
} from "./product-lines";

/** USDT has 6 decimals: 30 000 USDT per BTC is 30 000 × 10^6 atoms. */
const USDT = 1_000_000n;
const SEED = {
  initialLtvPpm: 800_000,
  warningLinePpm: 850_000,
  liquidationLinePpm: 830_000,
  effectiveLiquidationLinePpm: 820_000,
};

describe("seed 004's worked example (BTC at 30 000, 80 % 质押率)", () => {
  const price = 30_000n * USDT;

  it("lends 24 000 USDT against 1 BTC", () => {
    expect(borrowableAtoms(price, SEED.initialLtvPpm)).toBe(24_000n * USDT);
  });

  it("warns at 25 500, which is an LTV of 94.12 %", () => {
    expect(linePriceAtoms(price, SEED.warningLinePpm)).toBe(25_500n * USDT);
    expect(equivalentLtvPpm(SEED.initialLtvPpm, SEED.warningLinePpm)).toBe(941_177);
    expect(ppmToPercent(941_177)).toBe("94.1177");
  });

  it("liquidates at 24 900 as stated, and at 24 600 on the looser effective line", () => {
    expect(linePriceAtoms(price, SEED.liquidationLinePpm)).toBe(24_900n * USDT);
    expect(linePriceAtoms(price, SEED.effectiveLiquidationLinePpm)).toBe(24_600n * USDT);
    expect(equivalentLtvPpm(SEED.initialLtvPpm, SEED.liquidationLinePpm)).toBe(963_856);
    expect(equivalentLtvPpm(SEED.initialLtvPpm, SEED.effectiveLiquidationLinePpm)).toBe(975_610);
  });

  it("accepts the seed's lines", () => {
    expect(lineProblems(SEED)).toEqual({});
  });
});

describe("line rounding", () => {
  const ppm = fc.integer({ min: 1, max: 1_000_000 });

  it("rounds an equivalent LTV up, by less than one ppm", () => {
    fc.assert(
      fc.property(ppm, ppm, (initial, line) => {
        const ltv = BigInt(equivalentLtvPpm(initial, line));
        const exact = BigInt(initial) * PPM;
        expect(ltv * BigInt(line)).toBeGreaterThanOrEqual(exact);
        expect((ltv - 1n) * BigInt(line)).toBeLessThan(exact);
      }),
    );
  });

  it("rounds a line's price up to the next atom, never below the true price", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), ppm, (price, line) => {
        const shown = linePriceAtoms(price, line);
        expect(shown * PPM).toBeGreaterThanOrEqual(price * BigInt(line));
        expect((shown - 1n) * PPM).toBeLessThan(price * BigInt(line));
      }),
    );
  });

  it("never lends more than the initial LTV of the price", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), ppm, (price, initial) => {
        expect(borrowableAtoms(price, initial) * PPM).toBeLessThanOrEqual(price * BigInt(initial));
      }),
    );
  });

  it("reads and writes percents with four decimals", () => {
    expect(percentToPpm("80")).toBe(800_000);
    expect(percentToPpm("82.5")).toBe(825_000);
    expect(percentToPpm("0.0005")).toBe(5);
    fc.assert(
      fc.property(ppm, (value) => {
        expect(percentToPpm(ppmToPercent(value))).toBe(value);
      }),
    );
  });
});

describe("line order (100 % > warning > liquidation ≥ effective > initial LTV > 0)", () => {
  it("names the field of each broken rule", () => {
    expect(lineProblems({ ...SEED, warningLinePpm: 830_000 })).toHaveProperty("warningLinePercent");
    expect(lineProblems({ ...SEED, warningLinePpm: 1_000_000 })).toHaveProperty(
      "warningLinePercent",
    );
    expect(lineProblems({ ...SEED, effectiveLiquidationLinePpm: 840_000 })).toHaveProperty(
      "effectiveLiquidationLinePercent",
    );
    expect(lineProblems({ ...SEED, initialLtvPpm: 820_000 })).toHaveProperty(
      "effectiveLiquidationLinePercent",
    );
    expect(lineProblems({ ...SEED, initialLtvPpm: 0 })).toHaveProperty("initialLtvPercent");
    expect(lineProblems({ ...SEED, effectiveLiquidationLinePpm: 830_000 })).toEqual({});
  });

  it("accepts lines exactly when they are in order, and then every threshold is below 100 % LTV", () => {
    const ppm = fc.integer({ min: 0, max: 1_100_000 });
    fc.assert(
      fc.property(ppm, ppm, ppm, ppm, (initial, warning, liquidation, effective) => {
        const lines = {
          initialLtvPpm: initial,
          warningLinePpm: warning,
          liquidationLinePpm: liquidation,
          effectiveLiquidationLinePpm: effective,
        };
        const ordered =
          1_000_000 > warning &&
          warning > liquidation &&
          liquidation >= effective &&
          effective > initial &&
          initial > 0;
        expect(Object.keys(lineProblems(lines)).length === 0).toBe(ordered);
        if (!ordered) return;
        // A loan warns before it is liquidated, and neither happens at opening.
        const warnAt = equivalentLtvPpm(initial, warning);
        const liquidateAt = equivalentLtvPpm(initial, effective);
        expect(warnAt).toBeGreaterThan(initial);
        expect(warnAt).toBeLessThanOrEqual(liquidateAt);
        expect(liquidateAt).toBeLessThanOrEqual(1_000_000);
      }),
    );
  });
});
