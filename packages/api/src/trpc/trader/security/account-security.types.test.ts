import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZChangePasswordInput, ZRevokeSessionInput } from "./account-security.types";

const policyPassword = fc
  .tuple(
    fc.string({ minLength: 8, maxLength: 100 }),
    fc.constantFrom("a", "Z", "密"),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([body, letter, digit]) => `${letter}${body}${digit}`);

describe("ZChangePasswordInput", () => {
  it("accepts any current password up to 128 characters and a new one under the policy", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 128 }), policyPassword, (current, next) => {
        expect(
          ZChangePasswordInput.safeParse({ currentPassword: current, newPassword: next }).success,
        ).toBe(true);
      }),
    );
  });

  it("refuses a new password the registration refuses, and an empty or huge current one", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 9 }), (weak) => {
        expect(
          ZChangePasswordInput.safeParse({ currentPassword: "x", newPassword: weak }).success,
        ).toBe(false);
      }),
    );
    expect(
      ZChangePasswordInput.safeParse({ currentPassword: "", newPassword: "good-pass-123" }).success,
    ).toBe(false);
    expect(
      ZChangePasswordInput.safeParse({
        currentPassword: "x".repeat(129),
        newPassword: "good-pass-123",
      }).success,
    ).toBe(false);
  });
});

describe("ZRevokeSessionInput", () => {
  it("takes only a 22-character handle, never something the size of a session id", () => {
    // Real handles (22 characters of the base64url alphabet) as well as anything else.
    const handles = fc.oneof(
      fc.string({ maxLength: 100 }),
      fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    );
    fc.assert(
      fc.property(handles, (handle) => {
        const accepted = ZRevokeSessionInput.safeParse({ handle }).success;
        expect(accepted).toBe(/^[A-Za-z0-9_-]{22}$/.test(handle));
      }),
    );
  });
});
