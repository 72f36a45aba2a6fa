import { setStaffActive, setStaffRoles } from "@exchange/domains/identity/staff-management";
import { staffProcedure } from "../../trpc";
import {
  ZSetStaffActiveInput,
  ZSetStaffActiveOutput,
  ZSetStaffRolesInput,
  ZSetStaffRolesOutput,
} from "./staff.types";

/** Replaces a member's roles; never leaves the staff without an active administrator. */
export const setStaffRolesProcedure = staffProcedure("ADMIN")
  .input(ZSetStaffRolesInput)
  .output(ZSetStaffRolesOutput)
  .mutation(({ ctx, input }) =>
    setStaffRoles(ctx.services, { adminId: ctx.actor.staffId, ip: ctx.ip, ...input }),
  );

/** Deactivates (ending their sessions at once) or reactivates a member; last-admin rule holds. */
export const setStaffActiveProcedure = staffProcedure("ADMIN")
  .input(ZSetStaffActiveInput)
  .output(ZSetStaffActiveOutput)
  .mutation(({ ctx, input }) =>
    setStaffActive(ctx.services, { adminId: ctx.actor.staffId, ip: ctx.ip, ...input }),
  );
