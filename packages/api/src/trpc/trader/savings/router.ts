import { router } from "../../trpc";
import { getSubscriptionProcedure } from "./get-subscription";
import { listSubscriptionsProcedure } from "./list-subscriptions";
import { previewSubscriptionProcedure } from "./preview-subscription";
import { redeemSubscriptionProcedure } from "./redeem-subscription";
import { redemptionQuoteProcedure } from "./redemption-quote";
import { subscribeProcedure } from "./subscribe";

/** A trader's savings (packages/domains/src/savings): offers, subscriptions, early redemption. */
export const savingsRouter = router({
  preview: previewSubscriptionProcedure,
  subscribe: subscribeProcedure,
  subscriptions: listSubscriptionsProcedure,
  subscription: getSubscriptionProcedure,
  redemptionQuote: redemptionQuoteProcedure,
  redeem: redeemSubscriptionProcedure,
});
