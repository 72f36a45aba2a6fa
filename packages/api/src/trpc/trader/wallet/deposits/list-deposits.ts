import { ZMyDepositsInput, ZMyDepositsOutput } from "@exchange/domains/wallet/deposit-contracts";
import { listMyDeposits } from "@exchange/domains/wallet/deposits";
import { protectedProcedure } from "../../../trpc";

/** The caller's deposits on the wallet's chain, newest first (of one asset when given). */
export const listDepositsProcedure = protectedProcedure
  .input(ZMyDepositsInput)
  .output(ZMyDepositsOutput)
  .query(async ({ ctx, input }) => ({
    deposits: await listMyDeposits(ctx.services, ctx.actor.userId, input),
  }));
