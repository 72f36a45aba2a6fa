import { disableTwoFactor } from "@exchange/domains/identity/two-factor";
import { z } from "zod";
import { stepUpProcedure } from "../../trpc";
import { ZStepUpProofWithCode } from "./step-up.types";

/**
 * Turns two-factor off. The request itself must carry the password and a current code (or a
 * recovery code): a step-up, rate-limited per account, never a session cookie alone.
 */
export const disableTwoFactorProcedure = stepUpProcedure
  .input(z.object({ stepUp: ZStepUpProofWithCode }))
  .output(z.object({ enabled: z.literal(false) }))
  .mutation(async ({ ctx }) => {
    await disableTwoFactor(ctx.services, { type: "USER", id: ctx.actor.userId }, { ip: ctx.ip });
    return { enabled: false as const };
  });
