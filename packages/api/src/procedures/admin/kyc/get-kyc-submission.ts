import { findKycSubmission } from "../../../services/kyc-review";
import { sectionProcedure } from "../../../trpc";
import { ZKycSubmissionInput, ZKycSubmissionOutput } from "./kyc.types";

/** One submission: the applicant's data, document metadata and earlier submissions. */
export const getKycSubmissionProcedure = sectionProcedure("kyc")
  .input(ZKycSubmissionInput)
  .output(ZKycSubmissionOutput)
  .query(({ ctx, input }) => findKycSubmission(ctx.services.db, input.id));
