import { describe, expect, it } from "vitest";
import {
  BasisWindow,
  basisTicks,
  dueFundingTime,
  fundingRateOf,
  indexTicks,
  markTicks,
  nextFundingTime,
  premiumSamplePpm,
} from "./mark-price";

/** BTCUSDT-PERP ticks are 0.1 USDT: 50 000 USDT is 500 000 ticks. */
const HOUR = 3_600_000;

describe("the mark price", () => {
  it("converts an index of 50 000.05 USDT (6 decimals) to 500 000 ticks of 0.1 USDT, rounding down", () => {
    expect(indexTicks(50_000_050_000n, 100_000n)).toBe(500_000n);
  });

  it("is the index plus the average basis: a book at 50 010 / 50 020 over an index of 50 000 marks at 50 015", () => {
    const window = new BasisWindow(3);
    const basis = basisTicks({ bestBidTicks: 500_100n, bestAskTicks: 500_200n }, 500_000n);
    expect(basis).toBe(150n);
    window.add(basis as bigint);
    expect(markTicks(500_000n, window.average())).toBe(500_150n);
  });

  it("averages over the window only: older samples drop out", () => {
    const window = new BasisWindow(2);
    for (const basis of [900n, 10n, 20n]) window.add(basis);
    expect(window.average()).toBe(15n);
    expect(window.count).toBe(2);
  });

  it("stays within 0.5 % of the index: a book pushed 3 % up marks at index + 0.5 %", () => {
    expect(markTicks(500_000n, 15_000n)).toBe(502_500n);
    expect(markTicks(500_000n, -15_000n)).toBe(497_500n);
  });

  it("has no basis with one side of the book empty", () => {
    expect(basisTicks({ bestBidTicks: null, bestAskTicks: 500_000n }, 500_000n)).toBeNull();
  });
});

describe("funding", () => {
  it("samples a premium of 0.02 % from a bid 10 USDT over an index of 50 000", () => {
    expect(premiumSamplePpm({ bestBidTicks: 500_100n, bestAskTicks: 500_200n }, 500_000n)).toBe(
      200n,
    );
    expect(premiumSamplePpm({ bestBidTicks: 499_800n, bestAskTicks: 499_900n }, 500_000n)).toBe(
      -200n,
    );
  });

  it("pays the interest of 0.01 % when the book sits on the index, and caps a 1 % premium at 0.3 %", () => {
    expect(fundingRateOf([0n, 0n], { interestPpm: 100, fundingCapPpm: 3_000 })).toBe(100);
    expect(fundingRateOf([], { interestPpm: 100, fundingCapPpm: 3_000 })).toBe(100);
    expect(fundingRateOf([10_000n], { interestPpm: 100, fundingCapPpm: 3_000 })).toBe(3_000);
  });

  it("falls at 00:00, 08:00 and 16:00 UTC for an 8 h interval, each once", () => {
    const interval = 8 * HOUR;
    const at = Date.parse("2026-12-07T09:30:00Z");
    expect(new Date(nextFundingTime(at, interval)).toISOString()).toBe("2026-12-07T16:00:00.000Z");
    const due = dueFundingTime(at, interval, 0);
    expect(new Date(due ?? 0).toISOString()).toBe("2026-12-07T08:00:00.000Z");
    expect(dueFundingTime(at, interval, due ?? 0)).toBeNull();
  });
});
