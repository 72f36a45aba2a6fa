import { router } from "../../trpc";
import { getSubscriptionProcedure } from "./get-subscription";
import { listSubscriptionsProcedure } from "./list-subscriptions";
import { savingsOffersProcedure } from "./offers";
import { previewSubscriptionProcedure } from "./preview-subscription";
import { redeemSubscriptionProcedure } from "./redeem-subscription";
import { redemptionQuoteProcedure } from "./redemption-quote";
import { subscribeProcedure } from "./subscribe";

/** Savings products for traders (packages/domains/src/savings): offers, subscriptions, redemption. */
export const savingsRouter = router({
  offers: savingsOffersProcedure,
  preview: previewSubscriptionProcedure,
  subscribe: subscribeProcedure,
  subscriptions: listSubscriptionsProcedure,
  subscription: getSubscriptionProcedure,
  redemptionQuote: redemptionQuoteProcedure,
  redeem: redeemSubscriptionProcedure,
});
