import { z } from "zod";
import { disableTwoFactor } from "../../identity/two-factor";
import { protectedProcedure } from "../../trpc";
import { ZDisableTwoFactorInput } from "./two-factor.types";

/** Turns two-factor off with a current code or a recovery code. */
export const disableTwoFactorProcedure = protectedProcedure
  .input(ZDisableTwoFactorInput)
  .output(z.object({ enabled: z.literal(false) }))
  .mutation(async ({ ctx, input }) => {
    await disableTwoFactor(
      ctx.services,
      { type: "USER", id: ctx.actor.userId },
      { code: input.code, ip: ctx.ip },
    );
    return { enabled: false as const };
  });
