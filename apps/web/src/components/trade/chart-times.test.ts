import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chartTimes } from "./format";

describe("the chart's time labels", () => {
  it("are in the viewer's zone: midnight in Shanghai is a day, 16:00 UTC", () => {
    const at = Date.parse("2026-12-05T16:00:00Z") / 1000;
    expect(chartTimes("en", "Asia/Shanghai").tickMark(at)).toBe("Dec 6");
    expect(chartTimes("en", "UTC").tickMark(at)).toBe("16:00");
    expect(chartTimes("zh-CN", "Asia/Shanghai").tickMark(at)).toBe("12月6日");
  });

  it("name the zone on the crosshair, in the viewer's language", () => {
    const at = Date.parse("2026-12-05T16:30:00Z") / 1000;
    expect(chartTimes("en", "Asia/Shanghai").crosshair(at)).toBe("Dec 6, 2026, 00:30 GMT+8");
    expect(chartTimes("en", "UTC").crosshair(at)).toContain("16:30 UTC");
  });

  it("label every minute on the axis with an hour and minute, or a day at midnight", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 * 365 }),
        fc.constantFrom("UTC", "Asia/Shanghai", "America/New_York"),
        (minute, zone) => {
          const label = chartTimes("en", zone).tickMark(1_767_225_600 + minute * 60);
          expect(label).toMatch(/^(\d{2}:\d{2}|[A-Z][a-z]{2} \d{1,2})$/);
        },
      ),
    );
  });
});
