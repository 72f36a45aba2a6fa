import { ZPassword, ZRegisterInput } from "@exchange/api/client";
import { describe, expect, it } from "vitest";
import { fieldErrorKey } from "./field-errors";

/**
 * The registration and reset forms show the API's rules in the viewer's language: each rule a
 * password or email can break names its own catalog sentence, so a Chinese reader is told which
 * rule, not a generic "invalid".
 */
const keysOf = (input: unknown) => {
  const parsed = ZRegisterInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map(fieldErrorKey);
};

describe("the account forms' field errors", () => {
  it("names the password rule that failed", () => {
    expect(keysOf({ email: "a@b.co", password: "short1" })).toEqual(["passwordTooShort"]);
    expect(keysOf({ email: "a@b.co", password: "1234567890" })).toEqual(["passwordLetter"]);
    expect(keysOf({ email: "a@b.co", password: "abcdefghijk" })).toEqual(["passwordDigit"]);
    expect(keysOf({ email: "a@b.co", password: `a1${"x".repeat(127)}` })).toEqual([
      "passwordTooLong",
    ]);
  });

  it("names the email rule that failed", () => {
    expect(keysOf({ email: "not-an-email", password: "good-password-1" })).toEqual([
      "emailInvalid",
    ]);
    expect(keysOf({ email: `${"a".repeat(250)}@b.co`, password: "good-password-1" })).toEqual([
      "emailTooLong",
    ]);
  });

  it("reads the reset form's bare password the same way", () => {
    const parsed = ZPassword.safeParse("abcdefghijk");
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map(fieldErrorKey)).toEqual(["passwordDigit"]);
  });
});
