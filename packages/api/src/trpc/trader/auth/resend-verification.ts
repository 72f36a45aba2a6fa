import { resendVerificationMail } from "@exchange/domains/identity/email-verification";
import { publicProcedure } from "../../trpc";
import { ZAcceptedOutput, ZEmailOnlyInput } from "./email-links.types";

/** Mails a new verification link (one per minute per account; same answer for any email). */
export const resendVerificationProcedure = publicProcedure
  .input(ZEmailOnlyInput)
  .output(ZAcceptedOutput)
  .mutation(async ({ ctx, input }) => {
    await resendVerificationMail(ctx.services, { email: input.email, ip: ctx.ip });
    return { accepted: true as const };
  });
