import { listStaffForAdmin } from "@exchange/domains/identity/staff-enrolment";
import { staffProcedure } from "../../trpc";
import { ZStaffListOutput } from "./staff.types";

/** Every staff member, and whether they use two-factor yet: administrators only. */
export const listStaffProcedure = staffProcedure("ADMIN")
  .output(ZStaffListOutput)
  .query(({ ctx }) => listStaffForAdmin(ctx.services));
