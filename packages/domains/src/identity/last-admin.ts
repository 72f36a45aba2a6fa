import type { StaffRole } from "./identity-enums";

/**
 * The console must always keep someone who can manage staff: an active administrator who can
 * log in (an invitee who has not chosen a password yet cannot). A change that would leave none
 * is refused, whoever makes it and whichever member it touches, the caller included.
 */
export interface StaffStanding {
  id: number;
  roles: readonly StaffRole[];
  active: boolean;
  /** Has chosen a password: an invitation alone does not make an administrator. */
  enrolled: boolean;
}

/** A proposed change to one member: new roles, new activity, or both. */
export interface StaffChange {
  staffId: number;
  roles?: readonly StaffRole[];
  active?: boolean;
}

export function isWorkingAdmin(member: StaffStanding): boolean {
  return member.active && member.enrolled && member.roles.includes("ADMIN");
}

/** The staff as they would stand after `change`. */
export function applyStaffChange(staff: readonly StaffStanding[], change: StaffChange) {
  return staff.map((member) =>
    member.id === change.staffId
      ? {
          ...member,
          roles: change.roles ?? member.roles,
          active: change.active ?? member.active,
        }
      : member,
  );
}

/** True when the staff have a working administrator now and `change` would leave none. */
export function removesLastAdmin(staff: readonly StaffStanding[], change: StaffChange): boolean {
  const before = staff.filter(isWorkingAdmin).length;
  const after = applyStaffChange(staff, change).filter(isWorkingAdmin).length;
  return before > 0 && after === 0;
}
