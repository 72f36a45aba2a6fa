import { describe, expect, it } from "vitest";
import { formatRate, groupThousands } from "./money";

describe("formatRate", () => {
  it("shows a fee rate as a percentage without floating-point noise", () => {
    expect(formatRate("0.001")).toBe("0.10%");
    expect(formatRate("0.00075")).toBe("0.075%");
    expect(formatRate("0.0002")).toBe("0.02%");
    expect(formatRate("1")).toBe("100.00%");
    expect(formatRate("0")).toBe("0.00%");
  });

  it("keeps the sign of a maker rebate", () => {
    expect(formatRate("-0.0001")).toBe("-0.01%");
  });
});

describe("groupThousands", () => {
  it("groups the whole part only", () => {
    expect(groupThousands("1000000")).toBe("1,000,000");
    expect(groupThousands("12345.00001")).toBe("12,345.00001");
    expect(groupThousands("5")).toBe("5");
  });
});
