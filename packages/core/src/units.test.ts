import { describe, expect, it } from "vitest";
import {
  formatSteps,
  formatUnits,
  parseSteps,
  parseUnits,
  type UnitsError,
  type UnitsRule,
} from "./units";

function ruleOf(run: () => unknown): UnitsRule | undefined {
  try {
    run();
  } catch (error) {
    return (error as UnitsError).rule;
  }
  return undefined;
}

describe("parseUnits", () => {
  it("parses whole numbers and decimals into exact atoms", () => {
    expect(parseUnits("1", 8)).toBe(100_000_000n);
    expect(parseUnits("1.5", 8)).toBe(150_000_000n);
    expect(parseUnits("0.00000001", 8)).toBe(1n);
    expect(parseUnits("0", 6)).toBe(0n);
    expect(parseUnits("007.10", 2)).toBe(710n);
    expect(parseUnits("123456789012345678901234567890", 0)).toBe(123456789012345678901234567890n);
  });

  it("keeps precision beyond what a float could", () => {
    expect(parseUnits("9007199254740993.000000000000000001", 18)).toBe(
      9007199254740993000000000000000001n,
    );
  });

  it.each<[string, number, UnitsRule]>([
    ["", 8, "empty"],
    ["1".repeat(81), 8, "tooLong"],
    ["-1", 8, "negative"],
    ["-0.5", 8, "negative"],
    ["1e8", 8, "exponent"],
    ["1.5E-3", 8, "exponent"],
    ["+1", 8, "invalidCharacter"],
    [" 1", 8, "invalidCharacter"],
    ["1,5", 8, "invalidCharacter"],
    ["0x10", 8, "invalidCharacter"],
    ["abc", 8, "invalidCharacter"],
    ["NaN", 8, "invalidCharacter"],
    [".5", 8, "malformed"],
    ["5.", 8, "malformed"],
    [".", 8, "malformed"],
    ["1.2.3", 8, "malformed"],
    ["0.000000001", 8, "tooManyDecimals"],
    ["1.0", 0, "tooManyDecimals"],
    ["1.50", 1, "tooManyDecimals"],
    ["1", -1, "invalidPrecision"],
    ["1", 1.5, "invalidPrecision"],
    ["1", 37, "invalidPrecision"],
  ])("rejects %j at precision %i with rule %s", (text, decimals, rule) => {
    expect(ruleOf(() => parseUnits(text, decimals))).toBe(rule);
  });

  it("says which rule failed and keeps the input", () => {
    try {
      parseUnits("1.123", 2);
      expect.unreachable();
    } catch (error) {
      const e = error as UnitsError;
      expect(e.name).toBe("UnitsError");
      expect(e.input).toBe("1.123");
      expect(e.message).toBe('amount "1.123" has 3 decimals; at most 2 allowed');
    }
  });
});

describe("formatUnits", () => {
  it("formats atoms without trailing zeros", () => {
    expect(formatUnits(150_000_000n, 8)).toBe("1.5");
    expect(formatUnits(1n, 8)).toBe("0.00000001");
    expect(formatUnits(100_000_000n, 8)).toBe("1");
    expect(formatUnits(0n, 8)).toBe("0");
    expect(formatUnits(42n, 0)).toBe("42");
    expect(formatUnits(-1_500_000n, 6)).toBe("-1.5");
  });

  it("round-trips with parseUnits", () => {
    for (const text of ["0", "1", "0.1", "123.456789", "99999999999999999999.00000001"]) {
      expect(formatUnits(parseUnits(text, 8), 8)).toBe(text);
    }
  });
});

describe("steps (ticks and lots)", () => {
  it("converts a price into ticks and back", () => {
    // 0.01 USDT ticks at precision 6: 10_000 atoms per tick.
    expect(parseSteps("65000.12", 6, 10_000n)).toBe(6_500_012n);
    expect(formatSteps(6_500_012n, 6, 10_000n)).toBe("65000.12");
  });

  it("rejects an amount between steps", () => {
    expect(ruleOf(() => parseSteps("65000.125", 6, 10_000n))).toBe("offStep");
    expect(ruleOf(() => parseSteps("0.00015", 8, 10_000n))).toBe("offStep");
  });

  it("rejects a non-positive step", () => {
    expect(ruleOf(() => parseSteps("1", 8, 0n))).toBe("invalidStep");
    expect(ruleOf(() => formatSteps(1n, 8, -1n))).toBe("invalidStep");
  });
});
