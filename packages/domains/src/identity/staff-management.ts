import { clockDate } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services, type Tx } from "../services";
import type { StaffRole } from "./identity-enums";
import { removesLastAdmin, type StaffChange } from "./last-admin";
import { revokeAllSessions } from "./session-repository";
import {
  findStaffMember,
  findStaffStandings,
  lockStaffChanges,
  type StaffMemberRow,
  updateStaffActive,
  updateStaffRoles,
} from "./staff-management-repository";

/**
 * Administrators change a member's roles and deactivate or reactivate them. Changes run one at
 * a time (an advisory lock), so the last-admin rule (last-admin.ts) holds under concurrent
 * changes too. Deactivation ends the member's sessions at once; their next request finds none.
 */

interface AdminAct {
  adminId: number;
  ip: string | undefined;
  staffId: number;
}

const LAST_ADMIN =
  "At least one active administrator must remain: give another member the ADMIN role first.";

export async function setStaffRoles(
  services: Services,
  input: AdminAct & { roles: readonly StaffRole[] },
): Promise<{ roles: StaffRole[] }> {
  const roles = orderedRoles(input.roles);
  await inTransaction(services.db, async (tx) => {
    const member = await lockAndCheck(tx, { staffId: input.staffId, roles });
    if (sameRoles(member.roles, roles)) return;
    await updateStaffRoles(tx, member.id, roles);
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: input.adminId },
      action: "staff.roles_changed",
      target: { type: "staff", id: String(member.id) },
      before: { roles: member.roles },
      after: { roles },
      ip: input.ip,
    });
  });
  return { roles };
}

export async function setStaffActive(
  services: Services,
  input: AdminAct & { active: boolean },
): Promise<{ active: boolean }> {
  await inTransaction(services.db, async (tx) => {
    const member = await lockAndCheck(tx, { staffId: input.staffId, active: input.active });
    if (member.active === input.active) return;
    await updateStaffActive(tx, member.id, input.active);
    if (!input.active) {
      await revokeAllSessions(tx, { type: "STAFF", id: member.id }, clockDate(services.clock));
    }
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: input.adminId },
      action: input.active ? "staff.reactivated" : "staff.deactivated",
      target: { type: "staff", id: String(member.id) },
      before: { active: member.active },
      after: { active: input.active },
      ip: input.ip,
    });
  });
  return { active: input.active };
}

/** Takes the staff lock, finds the member and refuses a change that leaves no administrator. */
async function lockAndCheck(tx: Tx, change: StaffChange): Promise<StaffMemberRow> {
  await lockStaffChanges(tx);
  const member = await findStaffMember(tx, change.staffId);
  if (!member) throw new AppError(AppErrorCode.NOT_FOUND, "No such staff member.");
  if (removesLastAdmin(await findStaffStandings(tx), change)) {
    throw new AppError(AppErrorCode.LAST_ADMIN, LAST_ADMIN);
  }
  return member;
}

/** Each role once, in one order, so before and after compare (and read) alike. */
export function orderedRoles(roles: readonly StaffRole[]): StaffRole[] {
  return [...new Set(roles)].sort();
}

function sameRoles(a: readonly StaffRole[], b: readonly StaffRole[]): boolean {
  return a.length === b.length && [...a].sort().every((role, i) => role === b[i]);
}
