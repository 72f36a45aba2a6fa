import { hostileJsonValue } from "@exchange/protocol/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZSetLocaleInput } from "./set-locale.types";

describe("me.setLocale's input", () => {
  it("takes each language the apps speak, and answers it unchanged", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      expect(ZSetLocaleInput.parse({ locale })).toEqual({ locale });
    }
  });

  it("refuses any other value: other languages, other spellings, extra fields", () => {
    const notSpoken = fc
      .oneof(
        fc.string(),
        fc.constantFrom("zh", "zh-cn", "ZH-CN", "zh-TW", "en-US", "EN", " en", "fr", ""),
        fc.integer(),
        fc.constant(null),
      )
      .filter((value) => value !== "en" && value !== "zh-CN");
    fc.assert(
      fc.property(notSpoken, (locale) => {
        expect(ZSetLocaleInput.safeParse({ locale }).success).toBe(false);
      }),
    );
    expect(ZSetLocaleInput.safeParse({ locale: "en", userId: 1 }).success).toBe(false);
    expect(ZSetLocaleInput.safeParse({}).success).toBe(false);
  });

  it("never lets anything but a spoken language through, whatever the JSON", () => {
    fc.assert(
      fc.property(hostileJsonValue(), (value) => {
        const parsed = ZSetLocaleInput.safeParse(value);
        if (parsed.success) expect(["en", "zh-CN"]).toContain(parsed.data.locale);
      }),
    );
  });
});
