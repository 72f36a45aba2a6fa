import { type Db, decoyPasswordHash, type StaffRole, verifyPassword } from "@exchange/db";
import { AppError, AppErrorCode } from "../errors";
import { recordAudit } from "./audit";
import { normalizeEmail } from "./users";

export interface StaffDto {
  id: number;
  email: string;
  name: string;
  roles: StaffRole[];
}

const STAFF_SELECT = { id: true, email: true, name: true, roles: true } as const;

/** Staff log-in. Like a trader's, it never says which of email or password was wrong. */
export async function authenticateStaff(
  db: Db,
  input: { email: string; password: string; ip?: string | undefined },
): Promise<StaffDto> {
  const staff = await db.staff.findUnique({
    where: { email: normalizeEmail(input.email) },
    select: { ...STAFF_SELECT, passwordHash: true, active: true },
  });
  const valid = await verifyPassword(
    staff?.passwordHash ?? (await decoyPasswordHash()),
    input.password,
  );
  if (!staff || !valid || !staff.active) {
    throw new AppError(AppErrorCode.INVALID_CREDENTIALS, "Incorrect email or password.");
  }
  await recordAudit(db, {
    actor: { kind: "staff", staffId: staff.id },
    action: "staff.login",
    ip: input.ip,
  });
  return { id: staff.id, email: staff.email, name: staff.name, roles: staff.roles };
}

export async function findStaff(db: Db, staffId: number): Promise<StaffDto> {
  const staff = await db.staff.findUnique({
    where: { id: staffId, active: true },
    select: STAFF_SELECT,
  });
  if (!staff) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in as staff.");
  return staff;
}
