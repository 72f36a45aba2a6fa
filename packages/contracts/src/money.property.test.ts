import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compare,
  type Decimal,
  decimalToUnits,
  divide,
  floorToStep,
  formatDecimal,
  formatUnits,
  groupThousands,
  MAX_PRECISION,
  MarketUnits,
  parseDecimal,
  parseUnits,
  quotient,
  rescale,
  subtract,
  toFixedDown,
  UnitsError,
} from "./money";

const atoms = fc.bigInt({ min: 0n, max: 10n ** 40n });
const signed = fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n });
const precision = fc.integer({ min: 0, max: MAX_PRECISION });
const value = fc.record({ units: signed, scale: fc.integer({ min: 0, max: 30 }) });
const positive = fc.record({
  units: fc.bigInt({ min: 1n, max: 10n ** 30n }),
  scale: fc.integer({ min: 0, max: 30 }),
});
const ulp = (scale: number): Decimal => ({ units: 1n, scale });

describe("money round trips", () => {
  it("parseUnits ∘ formatUnits is the identity on atoms", () => {
    fc.assert(
      fc.property(atoms, precision, (a, decimals) => {
        expect(parseUnits(formatUnits(a, decimals), decimals)).toBe(a);
      }),
    );
  });

  it("parseDecimal ∘ formatDecimal keeps the value and its places", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(parseDecimal(formatDecimal(v))).toEqual(v);
      }),
    );
  });

  it("decimalToUnits reads a stored signed integer or amount exactly", () => {
    fc.assert(
      fc.property(signed, precision, (a, decimals) => {
        expect(decimalToUnits(formatUnits(a, decimals), decimals)).toBe(a);
      }),
    );
  });

  it("a market's prices and quantities survive the wire", () => {
    const units = new MarketUnits({
      symbol: "BTCUSDT",
      base: "BTC",
      quote: "USDT",
      basePrecision: 8,
      quotePrecision: 8,
      tickSizeAtoms: 1_000_000n,
      lotSizeAtoms: 1_000n,
    });
    fc.assert(
      fc.property(atoms, (steps) => {
        expect(units.parsePrice(units.price(steps))).toBe(steps);
        expect(units.parseQuantity(units.quantity(steps))).toBe(steps);
      }),
    );
  });

  it("grouping only adds commas to the whole part", () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = formatDecimal(v);
        expect(groupThousands(text).replaceAll(",", "")).toBe(text);
      }),
    );
  });
});

describe("money rounding", () => {
  it("rounds down toward −∞ and up toward +∞, one unit apart unless exact", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 30 }), (v, scale) => {
        const down = rescale(v, scale, "down");
        const up = rescale(v, scale, "up");
        expect(compare(down, v)).toBeLessThanOrEqual(0);
        expect(compare(up, v)).toBeGreaterThanOrEqual(0);
        const gap = up.units - down.units;
        expect(gap === 0n ? compare(down, v) === 0 : gap === 1n).toBe(true);
      }),
    );
  });

  it("divide brackets the exact quotient", () => {
    const nonZero = signed.filter((d) => d !== 0n);
    fc.assert(
      fc.property(signed, nonZero, (n, d) => {
        const down = divide(n, d, "down");
        const up = divide(n, d, "up");
        // n/d lies in [down, up] and the two meet exactly when d divides n.
        const sign = d < 0n ? -1n : 1n;
        expect((down * d - n) * sign <= 0n).toBe(true);
        expect((up * d - n) * sign >= 0n).toBe(true);
        expect(up - down).toBe(n % d === 0n ? 0n : 1n);
      }),
    );
  });

  it("a quotient rounded down never buys more than the amount", () => {
    fc.assert(
      fc.property(value, positive, fc.integer({ min: 0, max: 18 }), (a, b, scale) => {
        const q = quotient(a, b, scale, "down");
        const spent = { units: q.units * b.units, scale: q.scale + b.scale };
        const next = { units: (q.units + 1n) * b.units, scale: q.scale + b.scale };
        expect(compare(spent, a)).toBeLessThanOrEqual(0);
        expect(compare(next, a)).toBeGreaterThan(0);
      }),
    );
  });

  it("floorToStep keeps a multiple of the step within one step below", () => {
    fc.assert(
      fc.property(value, positive, (v, step) => {
        const floored = floorToStep(v, step);
        expect(compare(floored, v)).toBeLessThanOrEqual(0);
        expect(compare(subtract(v, floored), step)).toBeLessThan(0);
        expect(floored.scale).toBe(step.scale);
      }),
    );
  });

  it("toFixedDown cuts, never rounds up", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 30 }), (v, places) => {
        const cut = parseDecimal(toFixedDown(formatDecimal(v), places));
        expect(cut).not.toBeNull();
        if (cut) expect(compare(cut, v)).toBeLessThanOrEqual(0);
        if (cut) expect(compare(subtract(v, cut), ulp(places))).toBeLessThan(0);
      }),
    );
  });
});

describe("money bounds", () => {
  it("refuses more places than the precision, and precisions beyond the maximum", () => {
    const below = fc.integer({ min: 0, max: MAX_PRECISION - 1 });
    fc.assert(
      fc.property(
        atoms.filter((a) => a % 10n !== 0n),
        below,
        (a, decimals) => {
          const text = formatUnits(a, decimals + 1);
          expect(() => parseUnits(text, decimals)).toThrow(UnitsError);
          expect(() => parseUnits(text, MAX_PRECISION + 1)).toThrow(/precision/);
        },
      ),
    );
  });

  it("typed text with more places than any asset has is not a decimal", () => {
    expect(parseDecimal(`0.${"1".repeat(MAX_PRECISION)}`)).not.toBeNull();
    expect(parseDecimal(`0.${"1".repeat(MAX_PRECISION + 1)}`)).toBeNull();
  });
});
