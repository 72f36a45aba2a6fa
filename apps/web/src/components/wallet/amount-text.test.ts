import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountText } from "./amount-text";

const LOCALES = ["en", "zh-CN"] as const;

/** Decimal strings as the API sends them: up to 18 decimals, any number of trailing zeros. */
const wireDecimal = fc
  .tuple(
    fc.bigInt({ min: 0n, max: 10n ** 15n }),
    fc.string({ unit: fc.constantFrom(..."0123456789".split("")), maxLength: 18 }),
  )
  .map(([whole, fraction]) => (fraction ? `${whole}.${fraction}` : `${whole}`));

describe("an amount as the viewer reads it", () => {
  it("groups the whole part and keeps every decimal, in both languages", () => {
    expect(amountText("1234567.00012300", "en")).toBe("1,234,567.000123");
    expect(amountText("1234567.00012300", "zh-CN")).toBe("1,234,567.000123");
    expect(amountText("0.00000001", "zh-CN")).toBe("0.00000001");
    expect(amountText("20000.00000000", "en")).toBe("20,000");
    expect(amountText("0", "en")).toBe("0");
  });

  it("never changes a digit: without its group separators it is the trimmed amount", () => {
    fc.assert(
      fc.property(wireDecimal, fc.constantFrom(...LOCALES), (value, locale) => {
        const shown = amountText(value, locale);
        const digits = shown.replaceAll(",", "");
        const [whole = "", fraction = ""] = value.split(".");
        const trimmedFraction = fraction.replace(/0+$/, "");
        expect(digits).toBe(trimmedFraction ? `${whole}.${trimmedFraction}` : whole);
      }),
    );
  });
});
