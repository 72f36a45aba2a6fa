import { describe, expect, it } from "vitest";
import {
  add,
  compare,
  decimal,
  decimalsOf,
  floorToStep,
  formatDecimal,
  multiply,
  parseDecimal,
  percentOf,
  quotient,
  rescale,
  subtract,
  toFixedDown,
  trimZeros,
} from "./money";

const text = (value: ReturnType<typeof decimal>) => formatDecimal(value);

describe("parseDecimal", () => {
  it("reads what a trader types, including half-typed numbers", () => {
    expect(parseDecimal("12.50")).toEqual({ units: 1250n, scale: 2 });
    expect(parseDecimal(".5")).toEqual({ units: 5n, scale: 1 });
    expect(parseDecimal("3.")).toEqual({ units: 3n, scale: 0 });
    expect(parseDecimal(" 7 ")).toEqual({ units: 7n, scale: 0 });
    expect(parseDecimal("-0.01")).toEqual({ units: -1n, scale: 2 });
  });

  it("refuses anything that is not a plain decimal", () => {
    for (const bad of ["", ".", "1e5", "1,000", "abc", "1.2.3", "0x10", "Infinity"]) {
      expect(parseDecimal(bad)).toBeNull();
    }
  });
});

describe("arithmetic", () => {
  it("adds, subtracts and multiplies exactly where floats would not", () => {
    expect(text(add(decimal("0.1"), decimal("0.2")))).toBe("0.3");
    expect(text(subtract(decimal("1"), decimal("0.9")))).toBe("0.1");
    expect(text(multiply(decimal("30000.01"), decimal("0.00001")))).toBe("0.3000001");
    expect(text(multiply(decimal("123456789.12345678"), decimal("1000")))).toBe(
      "123456789123.45678000",
    );
  });

  it("divides to a chosen scale, rounding in the named direction", () => {
    expect(text(quotient(decimal("10"), decimal("3"), 4, "down"))).toBe("3.3333");
    expect(text(quotient(decimal("10"), decimal("3"), 4, "up"))).toBe("3.3334");
    expect(text(quotient(decimal("1000"), decimal("30000.5"), 5, "down"))).toBe("0.03333");
    expect(text(quotient(decimal("-1"), decimal("3"), 2, "down"))).toBe("-0.34");
    expect(() => quotient(decimal("1"), decimal("0"), 2, "down")).toThrow(RangeError);
  });

  it("rescales without rounding when it only adds places", () => {
    expect(text(rescale(decimal("1.5"), 4, "down"))).toBe("1.5000");
    expect(text(rescale(decimal("1.23456"), 2, "down"))).toBe("1.23");
    expect(text(rescale(decimal("1.23456"), 2, "up"))).toBe("1.24");
  });

  it("compares across scales", () => {
    expect(compare(decimal("1.10"), decimal("1.1"))).toBe(0);
    expect(compare(decimal("0.999"), decimal("1"))).toBe(-1);
    expect(compare(decimal("100"), decimal("99.99999999"))).toBe(1);
  });
});

describe("order-form helpers", () => {
  it("rounds a quantity down to the lot size, never up", () => {
    expect(text(floorToStep(decimal("0.123456789"), decimal("0.00001")))).toBe("0.12345");
    expect(text(floorToStep(decimal("0.000009"), decimal("0.00001")))).toBe("0.00000");
    expect(text(floorToStep(decimal("17"), decimal("5")))).toBe("15");
    expect(text(floorToStep(decimal("2.5"), decimal("0.25")))).toBe("2.50");
  });

  it("takes whole percentages of a balance exactly", () => {
    expect(text(percentOf(decimal("1000.00000001"), 25))).toBe("250.0000000025");
    expect(text(percentOf(decimal("0.3"), 100))).toBe("0.300");
    expect(() => percentOf(decimal("1"), 33.3)).toThrow(RangeError);
  });

  it("reads the decimal places of a tick or lot", () => {
    expect(decimalsOf("0.01")).toBe(2);
    expect(decimalsOf("0.00001")).toBe(5);
    expect(decimalsOf("0.0100")).toBe(2);
    expect(decimalsOf("1")).toBe(0);
    expect(decimalsOf("10")).toBe(0);
  });

  it("formats for display without ever rounding up", () => {
    expect(toFixedDown("1.999", 2)).toBe("1.99");
    expect(toFixedDown("1.5", 3)).toBe("1.500");
    expect(toFixedDown("42", 0)).toBe("42");
    expect(trimZeros("1.50000")).toBe("1.5");
    expect(trimZeros("2.000")).toBe("2");
    expect(trimZeros("100")).toBe("100");
  });
});
