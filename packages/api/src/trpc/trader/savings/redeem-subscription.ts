import { ZSavingsSubscriptionDetail } from "@exchange/contracts/savings";
import { redeem } from "@exchange/domains/savings/redemption";
import { ZSubscriptionIdInput } from "@exchange/domains/savings/subscription-contracts";
import { protectedProcedure } from "../../trpc";

/** Redeems one of the caller's subscriptions early, per its product's rule; once. */
export const redeemSubscriptionProcedure = protectedProcedure
  .input(ZSubscriptionIdInput)
  .output(ZSavingsSubscriptionDetail)
  .mutation(({ ctx, input }) => redeem(ctx.services, ctx.actor, input));
