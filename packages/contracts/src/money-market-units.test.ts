import { describe, expect, it } from "vitest";
import { MarketUnits, UnitsError } from "./money";

const btcUsdt = new MarketUnits({
  symbol: "BTCUSDT",
  base: "BTC",
  quote: "USDT",
  basePrecision: 8,
  quotePrecision: 8,
  tickSizeAtoms: 1_000_000n, // 0.01 USDT
  lotSizeAtoms: 1_000n, // 0.00001 BTC
});

describe("MarketUnits", () => {
  it("formats ticks, lots and atoms as plain decimals", () => {
    expect(btcUsdt.price(5_000_012n)).toBe("50000.12");
    expect(btcUsdt.quantity(123n)).toBe("0.00123");
    expect(btcUsdt.quote(150_000_000n)).toBe("1.5");
    expect(btcUsdt.amount(5n, "BTC")).toBe("0.00000005");
  });

  it("parses exactly and refuses what is off the grid", () => {
    expect(btcUsdt.parsePrice("50000.12")).toBe(5_000_012n);
    expect(btcUsdt.parseQuantity("0.00123")).toBe(123n);
    expect(() => btcUsdt.parsePrice("50000.125")).toThrow(UnitsError);
    expect(() => btcUsdt.parseQuantity("0.000015")).toThrow(/multiple/);
  });

  it("averages fills down to the tick and says nothing before a fill", () => {
    // 0.00003 BTC for 1.5000003 USDT is 50000.01 per BTC; one atom more still shows 50000.01.
    expect(btcUsdt.averagePrice(150_000_030n, 3n)).toBe("50000.01");
    expect(btcUsdt.averagePrice(150_000_031n, 3n)).toBe("50000.01");
    expect(btcUsdt.averagePrice(0n, 0n)).toBeNull();
  });
});
