import { router } from "../../../trpc";
import { listSavingsSubscriptionsProcedure } from "./list-subscriptions";
import { savingsSubscriptionDetailProcedure } from "./subscription-detail";

/** Operations' view of the subscriptions. */
export const savingsSubscriptionsAdminRouter = router({
  list: listSavingsSubscriptionsProcedure,
  detail: savingsSubscriptionDetailProcedure,
});
