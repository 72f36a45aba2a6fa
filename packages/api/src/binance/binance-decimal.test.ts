import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binanceDecimal, binanceProduct, binanceRatio } from "./binance-decimal";

describe("Binance's decimal strings", () => {
  it("pad to 8 decimals and never cut a digit", () => {
    expect(binanceDecimal("0.01")).toBe("0.01000000");
    expect(binanceDecimal("50000")).toBe("50000.00000000");
    expect(binanceDecimal("-1.5")).toBe("-1.50000000");
    expect(binanceDecimal("0.000000000000000001")).toBe("0.000000000000000001");
    expect(binanceDecimal(null)).toBe("0.00000000");
  });

  it("keep the value exactly, whatever its scale", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 18 }),
        (units, scale) => {
          const text =
            scale === 0
              ? `${units}`
              : `${units / 10n ** BigInt(scale)}.${(units % 10n ** BigInt(scale)).toString().padStart(scale, "0")}`;
          const shown = binanceDecimal(text);
          expect(shown).toMatch(/^\d+\.\d{8,}$/);
          const [whole = "", fraction = ""] = shown.split(".");
          const back = BigInt(whole + fraction.padEnd(18, "0"));
          expect(back).toBe(units * 10n ** BigInt(18 - scale));
        },
      ),
    );
  });

  it("multiply exactly and divide rounding down", () => {
    expect(binanceProduct("50000.00", "0.12345678")).toBe("6172.83900000");
    expect(binanceProduct("0.00000001", "0.00000001")).toBe("0.0000000000000001");
    expect(binanceRatio("10", "3")).toBe("3.33333333");
    expect(binanceRatio("10", "0")).toBe("0.00000000");
  });
});
