import { describe, expect, it } from "vitest";
import { passwordChangedMail } from "./mail-templates";

const LINK = "https://exchange.test/forgot-password";

describe("passwordChangedMail", () => {
  it("tells the owner in their language, with the way back if it was not them", () => {
    const english = passwordChangedMail("a@example.test", "en", LINK);
    expect(english.subject).toBe("Your Exchange password was changed");
    expect(english.text).toContain(LINK);
    const chinese = passwordChangedMail("a@example.test", "zh-CN", LINK);
    expect(chinese.subject).toBe("您的 Exchange 密码已修改");
    expect(chinese.text).toContain("重置密码");
    expect(chinese.html).toContain(LINK);
  });

  it("falls back to English for a language the app does not speak", () => {
    expect(passwordChangedMail("a@example.test", "fr", LINK).subject).toBe(
      "Your Exchange password was changed",
    );
  });
});
