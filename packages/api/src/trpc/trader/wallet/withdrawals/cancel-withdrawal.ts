import {
  ZWithdrawalIdInput,
  ZWithdrawalOutput,
} from "@exchange/domains/wallet/withdrawal-contracts";
import { cancelWithdrawal } from "@exchange/domains/wallet/withdrawals";
import { protectedProcedure } from "../../../trpc";

/** Cancels one of the caller's withdrawals while it waits for approval; another's is "not found". */
export const cancelWithdrawalProcedure = protectedProcedure
  .input(ZWithdrawalIdInput)
  .output(ZWithdrawalOutput)
  .mutation(({ ctx, input }) => cancelWithdrawal(ctx.services, ctx.actor.userId, input.id));
