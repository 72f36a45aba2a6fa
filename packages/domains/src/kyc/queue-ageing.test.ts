import { describe, expect, it } from "vitest";
import { ageingTone, formatWaited, isKycAgeFilter, submittedBefore } from "./queue-ageing";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("ageing", () => {
  it("turns amber past half a day and red past a day", () => {
    expect(ageingTone(11 * HOUR + 59 * MINUTE)).toBe("fresh");
    expect(ageingTone(12 * HOUR)).toBe("ageing");
    expect(ageingTone(24 * HOUR - 1)).toBe("ageing");
    expect(ageingTone(24 * HOUR)).toBe("overdue");
  });

  it.each([
    [-5_000, "0s"],
    [42_000, "42s"],
    [12 * MINUTE + 5_000, "12m"],
    [3 * HOUR + 5 * MINUTE, "3h 05m"],
    [52 * HOUR, "2d 04h"],
  ])("formats %i ms as %s", (ms, text) => {
    expect(formatWaited(ms)).toBe(text);
  });
});

describe("age filter", () => {
  const now = new Date("2026-11-21T12:00:00Z");

  it("bounds the submission time by the chosen age", () => {
    expect(submittedBefore("any", now)).toBeUndefined();
    expect(submittedBefore("24h", now)).toEqual(new Date("2026-11-20T12:00:00Z"));
    expect(submittedBefore("3d", now)).toEqual(new Date("2026-11-18T12:00:00Z"));
  });

  it("knows its own choices only", () => {
    expect(isKycAgeFilter("12h")).toBe(true);
    expect(isKycAgeFilter("toString")).toBe(false);
    expect(isKycAgeFilter("2h")).toBe(false);
  });
});
