import {
  ZSubscriptionAdminDetail,
  ZSubscriptionAdminDetailInput,
} from "@exchange/domains/savings/payout-contracts";
import { subscriptionAdminDetail } from "@exchange/domains/savings/savings-admin";
import { sectionProcedure } from "../../../trpc";

/** One subscription with its owner, terms and plans (what was paid, by which run). */
export const savingsSubscriptionDetailProcedure = sectionProcedure("products")
  .input(ZSubscriptionAdminDetailInput)
  .output(ZSubscriptionAdminDetail)
  .query(({ ctx, input }) => subscriptionAdminDetail(ctx.services, input.id));
