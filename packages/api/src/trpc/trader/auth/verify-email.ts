import { verifyEmail } from "@exchange/domains/identity/email-verification";
import { publicProcedure } from "../../trpc";
import { ZVerifyEmailInput, ZVerifyEmailOutput } from "./email-links.types";

/** Follows a verification link. */
export const verifyEmailProcedure = publicProcedure
  .input(ZVerifyEmailInput)
  .output(ZVerifyEmailOutput)
  .mutation(({ ctx, input }) => verifyEmail(ctx.services, { token: input.token, ip: ctx.ip }));
