import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { padDecimals } from "./decimal-display";

describe("padDecimals", () => {
  it("shows an amount at its asset's precision", () => {
    expect(padDecimals("2500", 6)).toBe("2500.000000");
    expect(padDecimals("0.5", 8)).toBe("0.50000000");
    expect(padDecimals("-1.25", 2)).toBe("-1.25");
  });

  it("never drops or rounds a digit, and only ever appends zeros", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.integer({ min: 0, max: 18 }),
        fc.integer({ min: 0, max: 18 }),
        (units, scale, decimals) => {
          const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, "0");
          const text = `${units < 0n ? "-" : ""}${scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`}`;
          const shown = padDecimals(text, decimals);
          expect(shown.startsWith(text)).toBe(true);
          expect(/^0*$/.test(shown.slice(text.length).replace(".", ""))).toBe(true);
          const places = shown.split(".")[1]?.length ?? 0;
          expect(places).toBe(Math.max(scale, decimals));
        },
      ),
    );
  });
});
