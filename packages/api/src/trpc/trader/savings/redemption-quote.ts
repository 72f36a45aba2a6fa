import { ZSavingsRedemptionQuote } from "@exchange/contracts/savings";
import { redemptionQuote } from "@exchange/domains/savings/redemption";
import { ZSubscriptionIdInput } from "@exchange/domains/savings/subscription-contracts";
import { protectedProcedure } from "../../trpc";

/** What redeeming one of the caller's subscriptions now would return; nothing moves. */
export const redemptionQuoteProcedure = protectedProcedure
  .input(ZSubscriptionIdInput)
  .output(ZSavingsRedemptionQuote)
  .query(({ ctx, input }) => redemptionQuote(ctx.services, ctx.actor, input.id));
