import { savingsPoolProcedure } from "./get-savings-pool";
import { savingsPayoutsAdminRouter } from "./payouts/router";
import { savingsSubscriptionsAdminRouter } from "./subscriptions/router";

/**
 * The money half of the savings section (spread into `savings` beside products and instances):
 * subscriptions, payout runs and the pool.
 */
export const savingsMoneyRoutes = {
  subscriptions: savingsSubscriptionsAdminRouter,
  payouts: savingsPayoutsAdminRouter,
  pool: savingsPoolProcedure,
};
