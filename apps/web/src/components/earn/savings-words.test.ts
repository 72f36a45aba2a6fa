import { describe, expect, it } from "vitest";
import {
  dayWords,
  earlyRedemptionWords,
  leastOf,
  remainingPercent,
  termWords,
} from "./savings-words";

describe("savings words", () => {
  it("says each early-redemption rule plainly", () => {
    expect(earlyRedemptionWords("NOT_ALLOWED", "0")).toMatch(/No early redemption/);
    expect(earlyRedemptionWords("FORFEIT_INTEREST", "0")).toMatch(/interest already paid/);
    expect(earlyRedemptionWords("PENALTY", "1.5")).toMatch(/1.5% penalty/);
  });

  it("writes days in UTC whatever the browser's zone", () => {
    expect(dayWords("2027-01-05")).toBe("5 Jan 2027");
    expect(dayWords("not a day")).toBe("not a day");
    expect(termWords(1)).toBe("1 day");
    expect(termWords(90)).toBe("90 days");
  });

  it("measures the quota left for the bar, rounded down, within 0–100", () => {
    expect(remainingPercent("2500", "10000")).toBe(25);
    expect(remainingPercent("0.0001", "10000")).toBe(0);
    expect(remainingPercent("10000", "10000")).toBe(100);
    expect(remainingPercent("1", "0")).toBe(0);
    expect(remainingPercent("x", "10")).toBe(0);
  });

  it("finds the least amount for Max, skipping what is not a number", () => {
    expect(leastOf("100.5", "20", "3000")).toBe("20");
    expect(leastOf("", "7")).toBe("7");
    expect(leastOf()).toBeUndefined();
  });
});
