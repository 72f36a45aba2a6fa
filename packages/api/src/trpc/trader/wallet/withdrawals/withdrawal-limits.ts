import { ZWithdrawalLimitsOutput } from "@exchange/domains/wallet/withdrawal-contracts";
import { withdrawalLimits } from "@exchange/domains/wallet/withdrawals";
import { protectedProcedure } from "../../../trpc";

/** The caller's KYC level's withdrawal limit, what is used of it in 24 hours and what is left. */
export const withdrawalLimitsProcedure = protectedProcedure
  .output(ZWithdrawalLimitsOutput)
  .query(({ ctx }) => withdrawalLimits(ctx.services, ctx.actor.userId));
