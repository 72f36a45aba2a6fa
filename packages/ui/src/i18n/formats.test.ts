import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDecimalText, timeZoneLabel } from "./formats";

describe("formatDecimalText", () => {
  it("groups the whole part and keeps every decimal, in both locales", () => {
    expect(formatDecimalText("1234567.000100", "en")).toBe("1,234,567.000100");
    expect(formatDecimalText("1234567.000100", "zh-CN")).toBe("1,234,567.000100");
    expect(formatDecimalText("-1000", "en")).toBe("-1,000");
    expect(formatDecimalText("999.5", "en")).toBe("999.5");
  });

  it("leaves text that is not a plain decimal alone", () => {
    expect(formatDecimalText("—", "en")).toBe("—");
  });

  it("changes no digit: removing the separators gives the input back", () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.nat({ max: 18 }), (atoms, decimals) => {
        const digits = (atoms < 0n ? -atoms : atoms).toString().padStart(decimals + 1, "0");
        const value = `${atoms < 0n ? "-" : ""}${
          decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`
        }`;
        expect(formatDecimalText(value, "zh-CN").replaceAll(",", "")).toBe(value);
      }),
    );
  });
});

describe("timeZoneLabel", () => {
  it("names the zone", () => {
    expect(timeZoneLabel("UTC", "en")).toBe("UTC");
    expect(timeZoneLabel("Asia/Shanghai", "en", new Date("2026-12-06T00:00:00Z"))).toBe("GMT+8");
  });
});
