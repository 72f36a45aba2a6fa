import { describe, expect, it } from "vitest";
import { changeDirection, signedPercent } from "./price-change";

describe("a market's 24 h change", () => {
  it("reads the direction from the text, so a zero with a sign is flat", () => {
    expect(changeDirection("1.25")).toBe("up");
    expect(changeDirection("0.01")).toBe("up");
    expect(changeDirection("-0.40")).toBe("down");
    expect(changeDirection("-0.00")).toBe("flat");
    expect(changeDirection("0")).toBe("flat");
    expect(changeDirection("0.00")).toBe("flat");
  });

  it("always carries a sign besides the colour, keeping every digit", () => {
    expect(signedPercent("1.25")).toEqual({ sign: "+", magnitude: "1.25" });
    expect(signedPercent("-12345.678")).toEqual({ sign: "−", magnitude: "12345.678" });
    expect(signedPercent("-0.00")).toEqual({ sign: "", magnitude: "0.00" });
  });
});
