import { findStaff } from "@exchange/domains/identity/staff";
import { z } from "zod";
import { anyStaffProcedure } from "../trpc";

export const ZStaffMeOutput = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(["ADMIN", "COMPLIANCE", "FINANCE", "OPERATIONS"])),
});

/** The logged-in staff member, with the roles the console's navigation is built from. */
export const staffMeProcedure = anyStaffProcedure
  .output(ZStaffMeOutput)
  .query(({ ctx }) => findStaff(ctx.services, ctx.actor.staffId));
