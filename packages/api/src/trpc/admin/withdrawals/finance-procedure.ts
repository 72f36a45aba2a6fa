import { AppError, AppErrorCode } from "@exchange/domains/errors";
import { anyStaffProcedure } from "../../trpc";

/**
 * Staff holding the FINANCE role itself: approving or rejecting a withdrawal moves customers'
 * money, so it is finance's decision alone; ADMIN without FINANCE, and COMPLIANCE, are refused.
 */
export const financeProcedure = anyStaffProcedure.use(({ ctx, next }) => {
  if (!ctx.actor.roles.includes("FINANCE")) {
    throw new AppError(AppErrorCode.FORBIDDEN, "Only finance staff may decide on withdrawals.");
  }
  return next();
});
