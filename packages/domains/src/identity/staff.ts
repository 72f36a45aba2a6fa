import type { Db, StaffRole } from "@exchange/db";
import { AppError, AppErrorCode } from "../errors";

export interface StaffDto {
  id: number;
  email: string;
  name: string;
  roles: StaffRole[];
}

const STAFF_SELECT = { id: true, email: true, name: true, roles: true } as const;

export async function findStaff(db: Db, staffId: number): Promise<StaffDto> {
  const staff = await db.staff.findUnique({
    where: { id: staffId, active: true },
    select: STAFF_SELECT,
  });
  if (!staff) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in as staff.");
  return staff;
}
