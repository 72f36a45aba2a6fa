import { resetPassword } from "@exchange/domains/identity/password-reset";
import { publicProcedure } from "../../trpc";
import { ZResetPasswordInput, ZResetPasswordOutput } from "./email-links.types";

/** Sets a new password through a reset link (single use, 30 minutes). */
export const resetPasswordProcedure = publicProcedure
  .input(ZResetPasswordInput)
  .output(ZResetPasswordOutput)
  .mutation(({ ctx, input }) => resetPassword(ctx.services, { ...input, ip: ctx.ip }));
