import {
  ZWithdrawalListInput,
  ZWithdrawalListOutput,
} from "@exchange/domains/wallet/withdrawal-contracts";
import { listWithdrawals } from "@exchange/domains/wallet/withdrawals";
import { protectedProcedure } from "../../../trpc";

/** The caller's withdrawals, newest first. */
export const listWithdrawalsProcedure = protectedProcedure
  .input(ZWithdrawalListInput)
  .output(ZWithdrawalListOutput)
  .query(({ ctx, input }) => listWithdrawals(ctx.services, ctx.actor.userId, input));
