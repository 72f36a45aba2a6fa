import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import type { StaffRole } from "./identity-enums";
import { findActiveStaff } from "./staff-repository";

export interface StaffDto {
  id: number;
  email: string;
  name: string;
  roles: StaffRole[];
}

export async function findStaff(services: Services, staffId: number): Promise<StaffDto> {
  const staff = await findActiveStaff(services.db, staffId);
  if (!staff) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in as staff.");
  return staff;
}
