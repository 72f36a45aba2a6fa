import { requestPasswordReset } from "@exchange/domains/identity/password-reset";
import { publicProcedure } from "../../trpc";
import { ZAcceptedOutput, ZEmailOnlyInput } from "./email-links.types";

/** "Forgot password": mails a reset link if the account exists; the answer never says. */
export const requestPasswordResetProcedure = publicProcedure
  .input(ZEmailOnlyInput)
  .output(ZAcceptedOutput)
  .mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.services, { email: input.email, ip: ctx.ip });
    return { accepted: true as const };
  });
