import { regenerateRecoveryCodes } from "@exchange/domains/identity/two-factor";
import { z } from "zod";
import { stepUpProcedure } from "../../trpc";
import { ZStepUpProofWithCode } from "./step-up.types";
import { ZConfirmTwoFactorOutput } from "./two-factor.types";

/**
 * A new set of recovery codes, the old ones void; answers the codes, this once. The request
 * carries the password and a current code: a session cookie alone cannot replace them.
 */
export const regenerateRecoveryCodesProcedure = stepUpProcedure
  .input(z.object({ stepUp: ZStepUpProofWithCode }))
  .output(ZConfirmTwoFactorOutput)
  .mutation(({ ctx }) =>
    regenerateRecoveryCodes(
      ctx.services,
      { type: "USER", id: ctx.actor.userId },
      { ip: ctx.ip, userAgent: ctx.userAgent },
    ),
  );
