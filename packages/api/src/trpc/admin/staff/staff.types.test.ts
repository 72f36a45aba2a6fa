import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ZInviteStaffInput,
  ZRequestTwoFactorResetInput,
  ZSetStaffRolesInput,
  ZStaffRoles,
} from "./staff.types";

const ROLES = ["ADMIN", "COMPLIANCE", "FINANCE", "OPERATIONS"] as const;

describe("staff management inputs", () => {
  it("accepts a role list exactly when it names one to four known roles, each once", () => {
    const role = fc.oneof(fc.constantFrom(...ROLES), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(role, { maxLength: 6 }), (roles) => {
        const valid =
          roles.length >= 1 &&
          roles.every((r) => (ROLES as readonly string[]).includes(r)) &&
          new Set(roles).size === roles.length;
        expect(ZStaffRoles.safeParse(roles).success).toBe(valid);
      }),
    );
  });

  it("refuses names that are empty, too long or carry control characters", () => {
    const base = { email: "new@example.test", roles: ["FINANCE"] };
    for (const name of ["", "   ", "x".repeat(101), "a\u0000b", "line\nbreak", "tab\there"]) {
      expect(ZInviteStaffInput.safeParse({ ...base, name }).success).toBe(false);
    }
    expect(ZInviteStaffInput.parse({ ...base, name: "  Mei 林  " }).name).toBe("Mei 林");
  });

  it("never lets an out-of-range member id or reset reason through", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double()), (staffId) => {
        const ok = Number.isInteger(staffId) && staffId >= 1 && staffId <= 2_147_483_647;
        expect(ZSetStaffRolesInput.safeParse({ staffId, roles: ["FINANCE"] }).success).toBe(ok);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (reason) => {
        const trimmed = reason.trim();
        const ok = trimmed.length >= 3 && trimmed.length <= 500 && !reason.includes("\u0000");
        expect(ZRequestTwoFactorResetInput.safeParse({ staffId: 1, reason }).success).toBe(ok);
      }),
    );
  });
});
