import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLocale, LOCALES, pickLocale, pickTimeZone, preferredLanguages } from "./locales";

describe("pickLocale", () => {
  it("follows the switcher's cookie over the browser", () => {
    expect(pickLocale("zh-CN", "en-US,en;q=0.9")).toBe("zh-CN");
    expect(pickLocale("en", "zh-CN,zh;q=0.9")).toBe("en");
  });

  it("reads the browser's languages by quality, matching the primary subtag", () => {
    expect(pickLocale(undefined, "zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(pickLocale(undefined, "zh-TW")).toBe("zh-CN");
    expect(pickLocale(undefined, "fr-FR,zh;q=0.5,en;q=0.7")).toBe("en");
    expect(pickLocale(undefined, "fr-FR,de;q=0.5")).toBe("en");
  });

  it("ignores a cookie naming a language it does not speak", () => {
    expect(pickLocale("fr", "zh")).toBe("zh-CN");
  });

  it("answers a supported locale for any header or cookie", () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), (cookie, header) => {
        expect(isLocale(pickLocale(cookie ?? undefined, header))).toBe(true);
      }),
    );
    expect(LOCALES).toContain(pickLocale(undefined, null));
  });
});

describe("preferredLanguages", () => {
  it("drops refused and wildcard tags and keeps order among equals", () => {
    expect(preferredLanguages("en;q=0, *, de, fr;q=0.5, it")).toEqual(["de", "it", "fr"]);
  });
});

describe("pickTimeZone", () => {
  it("uses the browser's zone unless staff chose UTC, and UTC for anything unknown", () => {
    expect(pickTimeZone("Asia/Shanghai", false)).toBe("Asia/Shanghai");
    expect(pickTimeZone("Asia/Shanghai", true)).toBe("UTC");
    expect(pickTimeZone("Mars/Olympus", false)).toBe("UTC");
    expect(pickTimeZone(undefined, false)).toBe("UTC");
  });
});
