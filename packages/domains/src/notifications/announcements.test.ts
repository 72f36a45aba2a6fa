import { describe, expect, it } from "vitest";
import { announcementState } from "./announcements";

const at = new Date("2026-12-15T12:00:00Z");
const hour = 3_600_000;
const from = (offsetMs: number) => new Date(at.getTime() + offsetMs);

describe("where an announcement stands", () => {
  it.each([
    [{ startsAt: null, endsAt: null }, "LIVE"],
    [{ startsAt: from(-hour), endsAt: from(hour) }, "LIVE"],
    [{ startsAt: at, endsAt: null }, "LIVE"],
    [{ startsAt: from(hour), endsAt: null }, "SCHEDULED"],
    [{ startsAt: null, endsAt: at }, "ENDED"],
    [{ startsAt: from(-2 * hour), endsAt: from(-hour) }, "ENDED"],
  ] as const)("%o at noon is %s", (window, state) => {
    expect(announcementState(window, at)).toBe(state);
  });
});
