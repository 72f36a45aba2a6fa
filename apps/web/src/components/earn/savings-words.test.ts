import { FORMATS } from "@exchange/ui/i18n";
import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogs } from "../../i18n/messages";
import {
  leastOf,
  nextSavingsDay,
  remainingPercent,
  savingsDayStart,
  savingsDayText,
} from "./savings-words";

const earn = (locale: "en" | "zh-CN") =>
  createTranslator({ locale, messages: catalogs[locale], namespace: "earn" });

describe("savings words", () => {
  it("says each early-redemption rule plainly, in both languages", () => {
    const en = earn("en");
    expect(en("earlyRedemption.NOT_ALLOWED", { penalty: "0" })).toMatch(/No early redemption/);
    expect(en("earlyRedemption.FORFEIT_INTEREST", { penalty: "0" })).toMatch(
      /interest already paid/,
    );
    expect(en("earlyRedemption.PENALTY", { penalty: "1.5" })).toMatch(/1.5% penalty/);
    expect(earn("zh-CN")("earlyRedemption.PENALTY", { penalty: "1.5" })).toMatch(/1.5%/);
  });

  it("counts a term's days in each language", () => {
    expect(earn("en")("term", { days: 1 })).toBe("1 day");
    expect(earn("en")("term", { days: 90 })).toBe("90 days");
    expect(earn("zh-CN")("term", { days: 90 })).toBe("90 天");
  });

  it("starts a savings day at 00:00 UTC, whatever the browser's zone", () => {
    expect(savingsDayStart("2027-01-05")?.toISOString()).toBe("2027-01-05T00:00:00.000Z");
    expect(savingsDayStart("not a day")).toBeNull();
    expect(savingsDayStart("2027-02-30")).toBeNull();
    expect(nextSavingsDay(new Date("2026-12-06T15:30:00Z")).toISOString()).toBe(
      "2026-12-07T00:00:00.000Z",
    );
  });

  it("shows a savings day as the moment it begins in the viewer's zone, naming it", () => {
    const shanghai = createFormatter({
      locale: "zh-CN",
      timeZone: "Asia/Shanghai",
      formats: FORMATS,
    });
    expect(savingsDayText(shanghai, "2027-01-05")).toBe("2027年1月5日 GMT+8 08:00");
    const newYork = createFormatter({
      locale: "en",
      timeZone: "America/New_York",
      formats: FORMATS,
    });
    expect(savingsDayText(newYork, "2027-01-05")).toBe("Jan 4, 2027, 19:00 EST");
    expect(savingsDayText(newYork, "2027-01-05", false)).toBe("Jan 4, 2027, 19:00");
    expect(savingsDayText(newYork, "someday")).toBe("someday");
  });

  it("measures the quota left for the bar, rounded down, within 0–100", () => {
    expect(remainingPercent("2500", "10000")).toBe(25);
    expect(remainingPercent("0.0001", "10000")).toBe(0);
    expect(remainingPercent("10000", "10000")).toBe(100);
    expect(remainingPercent("1", "0")).toBe(0);
    expect(remainingPercent("x", "10")).toBe(0);
  });

  it("finds the least amount for Max, skipping what is not a number", () => {
    expect(leastOf("100.5", "20", "3000")).toBe("20");
    expect(leastOf("", "7")).toBe("7");
    expect(leastOf()).toBeUndefined();
  });
});
