import { describe, expect, it } from "vitest";
import { ppmPercent } from "./ppm-percent";

describe("a ratio shown as a percent", () => {
  it("keeps two decimals of an exact value", () => {
    expect(ppmPercent(800_000, "up")).toBe("80.00");
    expect(ppmPercent(150_000, "down")).toBe("15.00");
  });

  it("rounds an LTV up and a distance down, never showing a loan safer than it is", () => {
    expect(ppmPercent(1_090_910, "up")).toBe("109.10");
    expect(ppmPercent(333_333, "down")).toBe("33.33");
    expect(ppmPercent(-25_001, "down")).toBe("-2.51");
  });
});
