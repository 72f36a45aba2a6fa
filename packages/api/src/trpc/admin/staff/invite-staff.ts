import {
  inviteStaff,
  resendStaffInvite,
  withdrawStaffInvite,
} from "@exchange/domains/identity/staff-invites";
import { staffProcedure } from "../../trpc";
import {
  ZExpiresAtOutput,
  ZInviteStaffInput,
  ZInviteStaffOutput,
  ZStaffIdInput,
} from "./staff.types";
import { adminRequestOf } from "./staff-request";

/** Invites a member by mail (address, name, roles): administrators only; audited. */
export const inviteStaffProcedure = staffProcedure("ADMIN")
  .input(ZInviteStaffInput)
  .output(ZInviteStaffOutput)
  .mutation(({ ctx, input }) => inviteStaff(ctx.services, { ...adminRequestOf(ctx), ...input }));

/** Mails the invitation again; the earlier link stops working. */
export const resendInviteProcedure = staffProcedure("ADMIN")
  .input(ZStaffIdInput)
  .output(ZExpiresAtOutput)
  .mutation(({ ctx, input }) =>
    resendStaffInvite(ctx.services, { ...adminRequestOf(ctx), staffId: input.staffId }),
  );

/** Takes back an invitation nobody accepted yet. */
export const withdrawInviteProcedure = staffProcedure("ADMIN")
  .input(ZStaffIdInput)
  .mutation(async ({ ctx, input }) => {
    await withdrawStaffInvite(ctx.services, {
      adminId: ctx.actor.staffId,
      ip: ctx.ip,
      staffId: input.staffId,
    });
  });
