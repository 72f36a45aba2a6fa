import { confirmTwoFactorEnrolment } from "@exchange/domains/identity/two-factor";
import { protectedProcedure } from "../../trpc";
import { ZConfirmTwoFactorInput, ZConfirmTwoFactorOutput } from "./two-factor.types";

/** Turns two-factor on with a code from the app; answers the recovery codes, this once. */
export const confirmTwoFactorProcedure = protectedProcedure
  .input(ZConfirmTwoFactorInput)
  .output(ZConfirmTwoFactorOutput)
  .mutation(({ ctx, input }) =>
    confirmTwoFactorEnrolment(
      ctx.services,
      { type: "USER", id: ctx.actor.userId },
      { code: input.code, ip: ctx.ip },
    ),
  );
