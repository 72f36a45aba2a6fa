import { decideKyc } from "@exchange/domains/kyc/kyc-review";
import { complianceProcedure } from "./compliance-procedure";
import { ZApproveKycInput, ZKycDecisionOutput } from "./kyc.types";

/** Approves a pending submission: the user's level rises to the submission's. */
export const approveKycProcedure = complianceProcedure
  .input(ZApproveKycInput)
  .output(ZKycDecisionOutput)
  .mutation(({ ctx, input }) =>
    decideKyc(
      ctx.services,
      { staffId: ctx.actor.staffId, ip: ctx.ip },
      { submissionId: input.id, decision: "APPROVED" },
    ),
  );
