import { createStaffEnrolmentLink } from "@exchange/domains/identity/staff-enrolment";
import { staffProcedure } from "../../trpc";
import { ZCreateEnrolmentLinkInput, ZCreateEnrolmentLinkOutput } from "./staff.types";

/**
 * A one-time link with which a staff member sets up two-factor for the first time (their
 * password alone does not open enrolment). Administrators only; audited.
 */
export const createEnrolmentLinkProcedure = staffProcedure("ADMIN")
  .input(ZCreateEnrolmentLinkInput)
  .output(ZCreateEnrolmentLinkOutput)
  .mutation(({ ctx, input }) =>
    createStaffEnrolmentLink(ctx.services, {
      staffId: input.staffId,
      adminId: ctx.actor.staffId,
      ip: ctx.ip,
    }),
  );
