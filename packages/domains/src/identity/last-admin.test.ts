import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StaffRole } from "./identity-enums";
import { isWorkingAdmin, removesLastAdmin, type StaffStanding } from "./last-admin";

const admin = (id: number, over: Partial<StaffStanding> = {}): StaffStanding => ({
  id,
  roles: ["ADMIN"],
  active: true,
  enrolled: true,
  ...over,
});

describe("removesLastAdmin", () => {
  it("refuses to take ADMIN from the only administrator, themselves included", () => {
    const staff = [admin(1), admin(2, { roles: ["FINANCE"] })];
    expect(removesLastAdmin(staff, { staffId: 1, roles: ["FINANCE"] })).toBe(true);
  });

  it("refuses to deactivate the only active administrator", () => {
    const staff = [admin(1), admin(2, { active: false })];
    expect(removesLastAdmin(staff, { staffId: 1, active: false })).toBe(true);
  });

  it("allows it once a second administrator can log in", () => {
    const staff = [admin(1), admin(2)];
    expect(removesLastAdmin(staff, { staffId: 1, roles: ["COMPLIANCE"] })).toBe(false);
    expect(removesLastAdmin(staff, { staffId: 1, active: false })).toBe(false);
  });

  it("does not count an invited administrator who has not chosen a password", () => {
    const staff = [admin(1), admin(2, { enrolled: false })];
    expect(removesLastAdmin(staff, { staffId: 1, active: false })).toBe(true);
  });

  it("lets changes that keep ADMIN, or touch someone else, through", () => {
    const staff = [admin(1), admin(2, { roles: ["FINANCE"] })];
    expect(removesLastAdmin(staff, { staffId: 1, roles: ["ADMIN", "FINANCE"] })).toBe(false);
    expect(removesLastAdmin(staff, { staffId: 2, active: false })).toBe(false);
  });

  const ROLES: StaffRole[] = ["ADMIN", "COMPLIANCE", "FINANCE", "OPERATIONS"];
  const standing = fc.record({
    roles: fc.subarray(ROLES),
    active: fc.boolean(),
    enrolled: fc.boolean(),
  });
  const change = fc.record({
    roles: fc.option(fc.subarray(ROLES), { nil: undefined }),
    active: fc.option(fc.boolean(), { nil: undefined }),
  });

  it("never allows a change that leaves a staff with administrators without any", () => {
    fc.assert(
      fc.property(
        fc.array(standing, { minLength: 1, maxLength: 6 }),
        change,
        fc.nat(),
        (members, c, pick) => {
          const staff = members.map((m, i) => ({ ...m, id: i + 1 }));
          const staffId = (pick % staff.length) + 1;
          const proposal = {
            staffId,
            ...(c.roles ? { roles: c.roles } : {}),
            ...(c.active === undefined ? {} : { active: c.active }),
          };
          const after = staff.map((m) =>
            m.id === staffId
              ? { ...m, roles: c.roles ?? m.roles, active: c.active ?? m.active }
              : m,
          );
          const hadAdmin = staff.some(isWorkingAdmin);
          const keepsAdmin = after.some(isWorkingAdmin);
          expect(removesLastAdmin(staff, proposal)).toBe(hadAdmin && !keepsAdmin);
        },
      ),
    );
  });
});
