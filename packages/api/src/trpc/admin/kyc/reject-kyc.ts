import { decideKyc } from "@exchange/domains/kyc/kyc-review";
import { complianceProcedure } from "./compliance-procedure";
import { ZKycDecisionOutput, ZRejectKycInput } from "./kyc.types";

/** Rejects a pending submission with a reason the user sees; they may submit again. */
export const rejectKycProcedure = complianceProcedure
  .input(ZRejectKycInput)
  .output(ZKycDecisionOutput)
  .mutation(({ ctx, input }) =>
    decideKyc(
      ctx.services,
      { staffId: ctx.actor.staffId, ip: ctx.ip },
      { submissionId: input.id, decision: "REJECTED", reason: input.reason },
    ),
  );
