import { router } from "../../trpc";
import { approveKycProcedure } from "./approve-kyc";
import { getKycSubmissionProcedure } from "./get-kyc-submission";
import { listKycQueueProcedure } from "./list-kyc-queue";
import { rejectKycProcedure } from "./reject-kyc";

/** KYC review. Documents themselves are served by the admin app's authorised route. */
export const kycAdminRouter = router({
  queue: listKycQueueProcedure,
  submission: getKycSubmissionProcedure,
  approve: approveKycProcedure,
  reject: rejectKycProcedure,
});
