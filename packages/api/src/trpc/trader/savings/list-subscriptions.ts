import {
  ZSubscriptionPage,
  ZSubscriptionPageInput,
} from "@exchange/domains/savings/subscription-contracts";
import { mySubscriptions } from "@exchange/domains/savings/subscription-queries";
import { protectedProcedure } from "../../trpc";

/** The caller's subscriptions, newest first. */
export const listSubscriptionsProcedure = protectedProcedure
  .input(ZSubscriptionPageInput)
  .output(ZSubscriptionPage)
  .query(({ ctx, input }) => mySubscriptions(ctx.services, ctx.actor, input));
