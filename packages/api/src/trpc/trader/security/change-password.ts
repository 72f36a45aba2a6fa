import { changePassword } from "@exchange/domains/identity/account-security";
import { protectedProcedure } from "../../trpc";
import { ZChangePasswordInput, ZChangePasswordOutput } from "./account-security.types";

/**
 * A new password, proved by the current one (and a code where two-factor is on); every other
 * session of the account ends, this one stays.
 */
export const changePasswordProcedure = protectedProcedure
  .input(ZChangePasswordInput)
  .output(ZChangePasswordOutput)
  .mutation(({ ctx, input }) =>
    changePassword(
      ctx.services,
      { userId: ctx.actor.userId, sessionId: ctx.actor.sessionId },
      { ...input, ip: ctx.ip, userAgent: ctx.userAgent },
    ),
  );
