import {
  ZSubscriptionsAdminInput,
  ZSubscriptionsAdminOutput,
} from "@exchange/domains/savings/payout-contracts";
import { listSubscriptionsAdmin } from "@exchange/domains/savings/savings-admin";
import { sectionProcedure } from "../../../trpc";

/** Subscriptions newest first, by status, product and part of the owner's email. */
export const listSavingsSubscriptionsProcedure = sectionProcedure("products")
  .input(ZSubscriptionsAdminInput)
  .output(ZSubscriptionsAdminOutput)
  .query(({ ctx, input }) => listSubscriptionsAdmin(ctx.services, input));
