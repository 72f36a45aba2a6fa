import { ZSavingsSubscriptionDetail } from "@exchange/contracts/savings";
import { ZSubscribeInput } from "@exchange/domains/savings/subscription-contracts";
import { subscribeAsTrader } from "@exchange/domains/savings/subscription-queries";
import { protectedProcedure } from "../../trpc";

/**
 * Subscribes the caller to an open offer: within its quota, minimum and maximum and the KYC
 * level it asks; the same `requestKey` twice is one subscription.
 */
export const subscribeProcedure = protectedProcedure
  .input(ZSubscribeInput)
  .output(ZSavingsSubscriptionDetail)
  .mutation(({ ctx, input }) => subscribeAsTrader(ctx.services, ctx.actor, input));
