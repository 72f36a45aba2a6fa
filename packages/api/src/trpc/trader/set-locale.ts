import { setUserLocale } from "@exchange/domains/identity/users";
import { protectedProcedure } from "../trpc";
import { ZSetLocaleInput, ZSetLocaleOutput } from "./set-locale.types";

/**
 * The language the logged-in trader chose with the switcher: stored on the account, so the
 * mails the system sends them (verification, resets, KYC decisions, withdrawals) are in it.
 */
export const setLocaleProcedure = protectedProcedure
  .input(ZSetLocaleInput)
  .output(ZSetLocaleOutput)
  .mutation(({ ctx, input }) =>
    setUserLocale(ctx.services, { userId: ctx.actor.userId, locale: input.locale }),
  );
