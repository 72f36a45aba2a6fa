import { registerTrader } from "../../identity/registration";
import { publicProcedure } from "../../trpc";
import { ZRegisterInput, ZRegisterOutput } from "./register.types";

/**
 * Creates a trader account, unverified, and mails the verification link. The web app then
 * shows "check your email"; log-in opens once the link is followed.
 */
export const registerProcedure = publicProcedure
  .input(ZRegisterInput)
  .output(ZRegisterOutput)
  .mutation(async ({ ctx, input }) => {
    const user = await registerTrader(ctx.services, { ...input, ip: ctx.ip });
    return { id: user.id, email: user.email };
  });
