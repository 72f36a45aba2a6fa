import { ZSavingsSubscriptionDetail } from "@exchange/contracts/savings";
import { ZSubscriptionIdInput } from "@exchange/domains/savings/subscription-contracts";
import { mySubscription } from "@exchange/domains/savings/subscription-queries";
import { protectedProcedure } from "../../trpc";

/** One of the caller's subscriptions with its whole schedule: paid, pending and cancelled. */
export const getSubscriptionProcedure = protectedProcedure
  .input(ZSubscriptionIdInput)
  .output(ZSavingsSubscriptionDetail)
  .query(({ ctx, input }) => mySubscription(ctx.services, ctx.actor, input.id));
