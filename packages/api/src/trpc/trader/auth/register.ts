import { registerTrader } from "@exchange/domains/identity/registration";
import { publicProcedure } from "../../trpc";
import { ZRegisterInput, ZRegisterOutput } from "./register.types";

/**
 * Creates a trader account, unverified, and mails the verification link. The web app then
 * shows "check your email"; log-in opens once the link is followed. An email that already has
 * an account gets the same answer (its owner gets a mail instead): no account discovery.
 * The account reads the language of the page it was created from, and so do its mails.
 */
export const registerProcedure = publicProcedure
  .input(ZRegisterInput)
  .output(ZRegisterOutput)
  .mutation(({ ctx, input }) =>
    registerTrader(ctx.services, {
      ...input,
      ip: ctx.ip,
      ...(ctx.locale ? { locale: ctx.locale } : {}),
    }),
  );
