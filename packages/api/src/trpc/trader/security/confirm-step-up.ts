import { proveStepUp, STEP_UP_WINDOW_MS } from "@exchange/domains/identity/step-up";
import { protectedProcedure } from "../../trpc";
import { ZConfirmStepUpOutput, ZStepUpProof } from "./step-up.types";

/** Confirms the password (and code) again, so that the next few minutes' sensitive actions run. */
export const confirmStepUpProcedure = protectedProcedure
  .input(ZStepUpProof)
  .output(ZConfirmStepUpOutput)
  .mutation(async ({ ctx, input }) => {
    await proveStepUp(
      ctx.services,
      { principal: { type: "USER", id: ctx.actor.userId }, sessionId: ctx.actor.sessionId },
      { ...input, ip: ctx.ip },
    );
    return { validUntil: new Date(ctx.services.clock.now() + STEP_UP_WINDOW_MS) };
  });
