import type { Store, Tx } from "../services";
import type { StaffRole } from "./identity-enums";
import type { StaffStanding } from "./last-admin";

/**
 * Staff management's rows: members as administrators change them (invite, roles, activity,
 * password chosen from an invite, two-factor cleared) and the two-administrator requests to
 * reset a lost two-factor (`staff_two_factor_resets`). Who may do what is decided in
 * staff-management.ts, staff-invites.ts and staff-two-factor-resets.ts.
 */

/** The advisory-lock space of staff changes: one at a time, so two can't each remove "another" admin. */
const STAFF_CHANGE_LOCK_SPACE = 13_101;

/** Serialises staff changes until the transaction ends. */
export async function lockStaffChanges(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STAFF_CHANGE_LOCK_SPACE}::int, 0::int)`;
}

export async function findStaffStandings(db: Store): Promise<StaffStanding[]> {
  const rows = await db.staff.findMany({
    orderBy: { id: "asc" },
    select: { id: true, roles: true, active: true, passwordHash: true },
  });
  return rows.map(({ passwordHash, ...row }) => ({ ...row, enrolled: passwordHash !== null }));
}

export interface StaffMemberRow {
  id: number;
  email: string;
  name: string;
  roles: StaffRole[];
  active: boolean;
  /** Has chosen a password (false: invited, not yet enrolled). */
  enrolled: boolean;
  twoFactorOn: boolean;
}

export async function findStaffMember(db: Store, staffId: number): Promise<StaffMemberRow | null> {
  const row = await db.staff.findUnique({
    where: { id: staffId },
    select: {
      id: true,
      email: true,
      name: true,
      roles: true,
      active: true,
      passwordHash: true,
      totpEnabledAt: true,
    },
  });
  if (!row) return null;
  const { passwordHash, totpEnabledAt, ...member } = row;
  return { ...member, enrolled: passwordHash !== null, twoFactorOn: totpEnabledAt !== null };
}

export async function staffEmailTaken(db: Store, email: string): Promise<boolean> {
  return (await db.staff.count({ where: { email } })) > 0;
}

/** A member invited by mail: no password, no two-factor until they follow the link. */
export async function insertInvitedStaff(
  tx: Tx,
  member: { email: string; name: string; roles: readonly StaffRole[] },
): Promise<number> {
  const row = await tx.staff.create({
    data: { email: member.email, name: member.name, roles: [...member.roles], passwordHash: null },
    select: { id: true },
  });
  return row.id;
}

/** Removes a member who never chose a password, with their links; false when they have one. */
export async function deleteInvitedStaff(tx: Tx, staffId: number): Promise<boolean> {
  const deleted = await tx.staff.deleteMany({ where: { id: staffId, passwordHash: null } });
  if (deleted.count === 0) return false;
  await tx.staffEnrolmentLink.deleteMany({ where: { staffId } });
  return true;
}

export async function updateStaffRoles(
  tx: Tx,
  staffId: number,
  roles: readonly StaffRole[],
): Promise<void> {
  await tx.staff.update({ where: { id: staffId }, data: { roles: [...roles] } });
}

export async function updateStaffActive(tx: Tx, staffId: number, active: boolean): Promise<void> {
  await tx.staff.update({ where: { id: staffId }, data: { active } });
}

/** Sets the first password of an invited member; false when one was set first. */
export async function setFirstStaffPassword(
  tx: Tx,
  staffId: number,
  passwordHash: string,
): Promise<boolean> {
  const set = await tx.staff.updateMany({
    where: { id: staffId, passwordHash: null, active: true },
    data: { passwordHash },
  });
  return set.count === 1;
}

/** Turns the member's two-factor off: secret, confirmation, last step and recovery codes. */
export async function clearStaffTwoFactor(tx: Tx, staffId: number): Promise<void> {
  await tx.staff.update({
    where: { id: staffId },
    data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
  });
  await tx.recoveryCode.deleteMany({ where: { ownerType: "STAFF", ownerId: staffId } });
}

/** When each member's newest unused set-up link expires (an open invite, or a set-up to finish). */
export async function findOpenLinkExpiries(db: Store, now: Date): Promise<Map<number, Date>> {
  const rows = await db.staffEnrolmentLink.findMany({
    where: { usedAt: null, expiresAt: { gt: now } },
    orderBy: { expiresAt: "asc" },
    select: { staffId: true, expiresAt: true },
  });
  return new Map(rows.map((row) => [row.staffId, row.expiresAt]));
}

export interface TwoFactorResetRow {
  id: number;
  staffId: number;
  requestedById: number;
  reason: string;
  status: "PENDING" | "APPROVED" | "REJECTED";
  createdAt: Date;
}

const RESET_SELECT = {
  id: true,
  staffId: true,
  requestedById: true,
  reason: true,
  status: true,
  createdAt: true,
} as const;

export function findPendingTwoFactorReset(
  db: Store,
  staffId: number,
): Promise<TwoFactorResetRow | null> {
  return db.staffTwoFactorReset.findFirst({
    where: { staffId, status: "PENDING" },
    select: RESET_SELECT,
  });
}

export function findTwoFactorReset(db: Store, id: number): Promise<TwoFactorResetRow | null> {
  return db.staffTwoFactorReset.findUnique({ where: { id }, select: RESET_SELECT });
}

export function findPendingTwoFactorResets(db: Store): Promise<TwoFactorResetRow[]> {
  return db.staffTwoFactorReset.findMany({
    where: { status: "PENDING" },
    orderBy: { id: "asc" },
    select: RESET_SELECT,
    take: 200,
  });
}

export async function insertTwoFactorReset(
  tx: Tx,
  reset: { staffId: number; requestedById: number; reason: string },
): Promise<number> {
  const row = await tx.staffTwoFactorReset.create({ data: reset, select: { id: true } });
  return row.id;
}

/** Records the decision if the request still waits; false when someone decided first. */
export async function decideTwoFactorReset(
  tx: Tx,
  decision: { id: number; status: "APPROVED" | "REJECTED"; decidedById: number; now: Date },
): Promise<boolean> {
  const decided = await tx.staffTwoFactorReset.updateMany({
    where: { id: decision.id, status: "PENDING" },
    data: { status: decision.status, decidedById: decision.decidedById, decidedAt: decision.now },
  });
  return decided.count === 1;
}

/** Every member's name and address by id (requests show who they concern and who asked). */
export async function findAllStaffNames(
  db: Store,
): Promise<Map<number, { name: string; email: string }>> {
  const rows = await db.staff.findMany({ select: { id: true, name: true, email: true } });
  return new Map(rows.map(({ id, ...names }) => [id, names]));
}
