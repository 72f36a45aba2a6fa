import {
  ZWithdrawalQuoteInput,
  ZWithdrawalQuoteOutput,
} from "@exchange/domains/wallet/withdrawal-contracts";
import { quoteWithdrawal } from "@exchange/domains/wallet/withdrawals";
import { protectedProcedure } from "../../../trpc";

/** The network fee now, the minimum, and the most the caller can withdraw of an asset. */
export const withdrawalQuoteProcedure = protectedProcedure
  .input(ZWithdrawalQuoteInput)
  .output(ZWithdrawalQuoteOutput)
  .query(({ ctx, input }) => quoteWithdrawal(ctx.services, ctx.actor.userId, input));
