import { describe, expect, it } from "vitest";
import { sessionBeganInTime } from "./sessions";

describe("session cut-off", () => {
  const reset = new Date("2026-11-21T10:00:00Z");

  it("keeps every session of an account never reset", () => {
    expect(sessionBeganInTime(0, null)).toBe(true);
    expect(sessionBeganInTime(null, null)).toBe(true);
  });

  it("ends sessions begun at or before the reset, keeps later ones", () => {
    expect(sessionBeganInTime(reset.getTime() - 1, reset)).toBe(false);
    expect(sessionBeganInTime(reset.getTime(), reset)).toBe(false);
    expect(sessionBeganInTime(reset.getTime() + 1, reset)).toBe(true);
    expect(sessionBeganInTime(null, reset)).toBe(false);
  });
});
