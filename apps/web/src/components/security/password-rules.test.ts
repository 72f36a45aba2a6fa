import { ZPassword } from "@exchange/api/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-rules";

describe("passwordProblem", () => {
  it("accepts exactly the passwords the server's policy accepts", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 140, unit: "grapheme-ascii" }), (password) => {
        expect(passwordProblem(password) === undefined).toBe(ZPassword.safeParse(password).success);
      }),
    );
  });

  it("names the first thing wrong", () => {
    expect(passwordProblem("short1")).toBe("tooShort");
    expect(passwordProblem("1234567890")).toBe("needsLetter");
    expect(passwordProblem("abcdefghij")).toBe("needsDigit");
    expect(passwordProblem("abcdefghi1")).toBeUndefined();
  });
});
