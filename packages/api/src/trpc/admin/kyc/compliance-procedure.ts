import { AppError, AppErrorCode } from "@exchange/domains/errors";
import { canDecideKyc } from "@exchange/domains/kyc/document-access";
import { anyStaffProcedure } from "../../trpc";

/**
 * Staff holding the COMPLIANCE role itself: ADMIN alone is not enough to decide on someone's
 * identity (kyc/document-access.ts says why).
 */
export const complianceProcedure = anyStaffProcedure.use(({ ctx, next }) => {
  if (!canDecideKyc(ctx.actor.roles)) {
    throw new AppError(
      AppErrorCode.FORBIDDEN,
      "Only compliance staff may decide on identity submissions.",
    );
  }
  return next();
});
