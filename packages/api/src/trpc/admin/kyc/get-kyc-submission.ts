import { findKycSubmission } from "@exchange/domains/kyc/kyc-review";
import { sectionProcedure } from "../../trpc";
import { ZKycSubmissionInput, ZKycSubmissionOutput } from "./kyc.types";

/**
 * One submission: the applicant's data (personal fields for compliance only), document metadata
 * and earlier submissions.
 */
export const getKycSubmissionProcedure = sectionProcedure("kyc")
  .input(ZKycSubmissionInput)
  .output(ZKycSubmissionOutput)
  .query(({ ctx, input }) => findKycSubmission(ctx.services, input.id, ctx.actor.roles));
