import type { Store, Tx } from "../services";
import type { StaffRole } from "./identity-enums";
import type { CredentialsRow } from "./user-repository";

/**
 * Staff members (`staff`) and their two-factor set-up links (`staff_enrolment_links`): the only
 * code that touches those tables. Links are found by their token's hash and used up with a
 * conditional update; who may create or use one is decided in staff-enrolment.ts.
 */
export interface StaffRow {
  id: number;
  email: string;
  name: string;
  roles: StaffRole[];
}

export function findActiveStaff(db: Store, staffId: number): Promise<StaffRow | null> {
  return db.staff.findUnique({
    where: { id: staffId, active: true },
    select: { id: true, email: true, name: true, roles: true },
  });
}

export async function findStaffCredentials(
  db: Store,
  email: string,
): Promise<CredentialsRow | null> {
  const staff = await db.staff.findUnique({
    where: { email },
    select: { id: true, email: true, passwordHash: true, active: true, totpEnabledAt: true },
  });
  // An invitee who has not chosen a password cannot log in: answered as an unknown address.
  return staff?.passwordHash
    ? {
        id: staff.id,
        email: staff.email,
        passwordHash: staff.passwordHash,
        active: staff.active,
        emailVerified: true,
        twoFactorOn: staff.totpEnabledAt !== null,
      }
    : null;
}

export function findStaffTwoFactorState(
  db: Store,
  staffId: number,
): Promise<{ active: boolean; totpEnabledAt: Date | null } | null> {
  return db.staff.findUnique({
    where: { id: staffId },
    select: { active: true, totpEnabledAt: true },
  });
}

export interface StaffListRow extends StaffRow {
  active: boolean;
  totpEnabledAt: Date | null;
  /** Has chosen a password (false: invited, not yet enrolled). */
  enrolled: boolean;
}

export async function findAllStaff(db: Store): Promise<StaffListRow[]> {
  const rows = await db.staff.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      email: true,
      name: true,
      roles: true,
      active: true,
      totpEnabledAt: true,
      passwordHash: true,
    },
  });
  return rows.map(({ passwordHash, ...row }) => ({ ...row, enrolled: passwordHash !== null }));
}

/** Stores a new set-up link of `staffId`, retiring its unused ones at `now`. */
export async function replaceStaffEnrolmentLink(
  tx: Tx,
  link: { staffId: number; tokenHash: string; createdById: number; expiresAt: Date; now: Date },
): Promise<void> {
  await tx.staffEnrolmentLink.updateMany({
    where: { staffId: link.staffId, usedAt: null },
    data: { usedAt: link.now },
  });
  await tx.staffEnrolmentLink.create({
    data: {
      staffId: link.staffId,
      tokenHash: link.tokenHash,
      createdById: link.createdById,
      expiresAt: link.expiresAt,
    },
  });
}

export function findStaffEnrolmentLink(
  db: Store,
  tokenHash: string,
): Promise<{ id: number; staffId: number; usedAt: Date | null; expiresAt: Date } | null> {
  return db.staffEnrolmentLink.findUnique({
    where: { tokenHash },
    select: { id: true, staffId: true, usedAt: true, expiresAt: true },
  });
}

/** Uses the link up at `now` if it is unused and unexpired; false when someone used it first. */
export async function useStaffEnrolmentLink(tx: Tx, linkId: number, now: Date): Promise<boolean> {
  const used = await tx.staffEnrolmentLink.updateMany({
    where: { id: linkId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return used.count === 1;
}

/** The addresses of active staff members holding `role` (finance's alerts go to each), id order. */
export async function findActiveStaffEmailsWithRole(db: Store, role: StaffRole): Promise<string[]> {
  const rows = await db.staff.findMany({
    where: { active: true, roles: { has: role } },
    orderBy: { id: "asc" },
    select: { email: true },
  });
  return rows.map((row) => row.email);
}

/** The names of the staff members `ids` name (active or not), by id. */
export async function findStaffNames(
  db: Store,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.staff.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((row) => [row.id, row.name]));
}
