import { AppError, AppErrorCode } from "@exchange/domains/errors";
import { anyStaffProcedure } from "../../trpc";

/**
 * Staff holding the FINANCE role itself: deciding on a withdrawal or a held or reorganised
 * deposit moves customers' money, so it is finance's decision alone; ADMIN without FINANCE, and
 * COMPLIANCE, are refused (as only COMPLIANCE decides on identities).
 */
export const financeProcedure = anyStaffProcedure.use(({ ctx, next }) => {
  if (!ctx.actor.roles.includes("FINANCE")) {
    throw new AppError(
      AppErrorCode.FORBIDDEN,
      "Only finance staff may decide on deposits and withdrawals.",
    );
  }
  return next();
});
