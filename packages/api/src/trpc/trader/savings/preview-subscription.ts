import {
  ZSubscriptionPreview,
  ZSubscriptionPreviewInput,
} from "@exchange/domains/savings/subscription-contracts";
import { previewSubscription } from "@exchange/domains/savings/subscription-preview";
import { protectedProcedure } from "../../trpc";

/** The plans a subscription of `amount` to an offer would create: shown before confirming. */
export const previewSubscriptionProcedure = protectedProcedure
  .input(ZSubscriptionPreviewInput)
  .output(ZSubscriptionPreview)
  .query(({ ctx, input }) => previewSubscription(ctx.services, input));
