import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDay, ZFeeIncomeInput } from "./fee-contracts";
import {
  effectiveRatePercent,
  nextTierAfter,
  percentOfScale,
  type ScheduleTier,
  scalePpmOfPercent,
  scheduleProblems,
  tierForVolume,
} from "./fee-schedule";

const USDT = 1_000_000n;
const SCHEDULE: ScheduleTier[] = [
  { tier: 0, minVolumeAtoms: 0n, makerScalePpm: 1_000_000, takerScalePpm: 1_000_000 },
  { tier: 1, minVolumeAtoms: 100_000n * USDT, makerScalePpm: 500_000, takerScalePpm: 800_000 },
  { tier: 2, minVolumeAtoms: 1_000_000n * USDT, makerScalePpm: -100_000, takerScalePpm: 500_000 },
];
const BTCUSDT = { symbol: "BTCUSDT", makerFeeRate: "0.001", takerFeeRate: "0.002" };

describe("choosing a tier by 30-day volume", () => {
  it("gives the highest tier whose threshold the volume reaches", () => {
    expect(tierForVolume(SCHEDULE, 0n)).toBe(0);
    expect(tierForVolume(SCHEDULE, 100_000n * USDT - 1n)).toBe(0);
    expect(tierForVolume(SCHEDULE, 100_000n * USDT)).toBe(1);
    expect(tierForVolume(SCHEDULE, 5_000_000n * USDT)).toBe(2);
  });

  it("names the next tier and its threshold, none at the top", () => {
    expect(nextTierAfter(SCHEDULE, 0)?.tier).toBe(1);
    expect(nextTierAfter(SCHEDULE, 1)?.minVolumeAtoms).toBe(1_000_000n * USDT);
    expect(nextTierAfter(SCHEDULE, 2)).toBeNull();
  });

  it("never lowers the tier when the volume grows (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        (a, b) => {
          const [low, high] = a < b ? [a, b] : [b, a];
          expect(tierForVolume(SCHEDULE, low)).toBeLessThanOrEqual(tierForVolume(SCHEDULE, high));
          const next = nextTierAfter(SCHEDULE, tierForVolume(SCHEDULE, low));
          // The next tier is always out of reach of the volume that chose the current one.
          if (next !== null) expect(next.minVolumeAtoms > low).toBe(true);
        },
      ),
    );
  });
});

describe("a schedule operations may keep", () => {
  it("accepts the example schedule", () => {
    expect(scheduleProblems(SCHEDULE, [BTCUSDT])).toEqual({});
  });

  it("refuses a higher tier that needs no more volume than a lower one", () => {
    const flat = SCHEDULE.map((t) => (t.tier === 2 ? { ...t, minVolumeAtoms: 50n * USDT } : t));
    expect(scheduleProblems(flat, [BTCUSDT]).minVolume?.[0]).toMatch(
      /Tier 2 must need more volume/,
    );
  });

  it("refuses a tier 0 that does not start at zero", () => {
    const late = SCHEDULE.map((t) => (t.tier === 0 ? { ...t, minVolumeAtoms: 1n } : t));
    expect(scheduleProblems(late, [BTCUSDT]).minVolume).toBeDefined();
  });

  it("refuses a rebate larger than the lowest taker fee of any tier", () => {
    // Tier 2 pays makers 100 % of 0.1 % while its takers pay 25 % of 0.2 % = 0.05 %.
    const generous = SCHEDULE.map((t) =>
      t.tier === 2 ? { ...t, makerScalePpm: -1_000_000, takerScalePpm: 250_000 } : t,
    );
    expect(scheduleProblems(generous, [BTCUSDT]).makerScalePercent?.[0]).toMatch(/BTCUSDT/);
    // A market without a maker rate pays no rebate at all.
    expect(scheduleProblems(generous, [{ ...BTCUSDT, makerFeeRate: "0" }])).toEqual({});
  });
});

describe("rates as staff and traders read them", () => {
  it("reads percentages of the market rate as millionths, rebates below zero", () => {
    expect(scalePpmOfPercent("80")).toBe(800_000);
    expect(scalePpmOfPercent("-25")).toBe(-250_000);
    expect(scalePpmOfPercent("12.3456")).toBe(123_456);
    expect(scalePpmOfPercent("100.0001")).toBeNull();
    expect(scalePpmOfPercent("1.23456")).toBeNull();
    expect(scalePpmOfPercent("abc")).toBeNull();
  });

  it("writes a scale back as the same percentage (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (ppm) => {
        expect(scalePpmOfPercent(percentOfScale(ppm))).toBe(ppm);
      }),
    );
  });

  it("scales a market rate exactly: 0.1 % at 50 % is 0.05 %, at −10 % a 0.01 % rebate", () => {
    expect(effectiveRatePercent("0.001", 500_000)).toBe("0.05");
    expect(effectiveRatePercent("0.001", -100_000)).toBe("-0.01");
    expect(effectiveRatePercent("0.002", 1_000_000)).toBe("0.2");
  });
});

describe("the fee entry points under any input (property)", () => {
  it("read any text as a percentage or refuse it, never throwing", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (text) => {
        const ppm = scalePpmOfPercent(text);
        if (ppm !== null) expect(Math.abs(ppm)).toBeLessThanOrEqual(1_000_000);
      }),
    );
  });

  it("accept a report range only of real days, in order, at most 92 days long", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (from, to) => {
        const parsed = ZFeeIncomeInput.safeParse({ from, to });
        if (parsed.success) expect(isDay(from) && isDay(to) && from <= to).toBe(true);
      }),
    );
    const day = fc.date({
      min: new Date("2000-01-01"),
      max: new Date("2999-12-31"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 200 }), (start, days) => {
        const from = start.toISOString().slice(0, 10);
        const to = new Date(start.getTime() + days * 86_400_000).toISOString().slice(0, 10);
        expect(ZFeeIncomeInput.safeParse({ from, to }).success).toBe(days < 92);
      }),
    );
  });
});
