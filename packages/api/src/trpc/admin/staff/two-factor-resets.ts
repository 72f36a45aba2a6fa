import {
  approveStaffTwoFactorReset,
  listPendingStaffTwoFactorResets,
  rejectStaffTwoFactorReset,
  requestStaffTwoFactorReset,
} from "@exchange/domains/identity/staff-two-factor-resets";
import { staffProcedure } from "../../trpc";
import {
  ZExpiresAtOutput,
  ZRequestTwoFactorResetInput,
  ZRequestTwoFactorResetOutput,
  ZTwoFactorResetIdInput,
  ZTwoFactorResetsOutput,
} from "./staff.types";
import { adminRequestOf } from "./staff-request";

/** Asks for a reset of a member's lost two-factor, with a reason; a second admin decides. */
export const requestTwoFactorResetProcedure = staffProcedure("ADMIN")
  .input(ZRequestTwoFactorResetInput)
  .output(ZRequestTwoFactorResetOutput)
  .mutation(({ ctx, input }) =>
    requestStaffTwoFactorReset(ctx.services, { adminId: ctx.actor.staffId, ip: ctx.ip, ...input }),
  );

/** Approves a reset someone else asked for: two-factor and sessions cleared, a link mailed. */
export const approveTwoFactorResetProcedure = staffProcedure("ADMIN")
  .input(ZTwoFactorResetIdInput)
  .output(ZExpiresAtOutput)
  .mutation(({ ctx, input }) =>
    approveStaffTwoFactorReset(ctx.services, { ...adminRequestOf(ctx), resetId: input.id }),
  );

/** Rejects a reset request (or withdraws one's own); nothing changes for the member. */
export const rejectTwoFactorResetProcedure = staffProcedure("ADMIN")
  .input(ZTwoFactorResetIdInput)
  .mutation(async ({ ctx, input }) => {
    await rejectStaffTwoFactorReset(ctx.services, {
      adminId: ctx.actor.staffId,
      ip: ctx.ip,
      resetId: input.id,
    });
  });

/** The reset requests waiting for a second administrator. */
export const listTwoFactorResetsProcedure = staffProcedure("ADMIN")
  .output(ZTwoFactorResetsOutput)
  .query(({ ctx }) => listPendingStaffTwoFactorResets(ctx.services));
