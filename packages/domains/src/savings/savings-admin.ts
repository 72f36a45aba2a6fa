import type { SavingsSubscriptionAdmin } from "@exchange/contracts/savings";
import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import type { SubscriptionAdminDetail } from "./payout-contracts";
import {
  findSubscriptionAdmin,
  findSubscriptionsAdmin,
  type SubscriptionAdminFilter,
  type SubscriptionAdminRecord,
} from "./savings-admin-repository";
import { findSubscriptionPlans } from "./subscription-read-repository";
import { planView, subscriptionView } from "./subscription-views";

/** Operations' view of subscriptions: who holds what, on which terms, and what was paid. */

/** Newest first, narrowed by status, product and part of the owner's email. */
export async function listSubscriptionsAdmin(
  services: Services,
  query: SubscriptionAdminFilter & { offset: number; limit: number },
): Promise<{ subscriptions: SavingsSubscriptionAdmin[]; total: number }> {
  const { rows, total } = await findSubscriptionsAdmin(services.db, query);
  return { subscriptions: rows.map(subscriptionAdminView), total };
}

/** One subscription with its plans; NOT_FOUND when there is none. */
export async function subscriptionAdminDetail(
  services: Services,
  id: string,
): Promise<SubscriptionAdminDetail> {
  const record = await findSubscriptionAdmin(services.db, id);
  if (!record) throw new AppError(AppErrorCode.NOT_FOUND, "No such subscription.");
  const plans = await findSubscriptionPlans(services.db, id);
  return {
    ...subscriptionAdminView(record),
    productId: record.productId,
    plans: plans.map((plan) => ({
      ...planView(plan, record.precision),
      payoutRunId: plan.payoutRunId === null ? null : String(plan.payoutRunId),
    })),
  };
}

/** The trader's view of the subscription (subscription-views.ts), with its owner. */
function subscriptionAdminView(record: SubscriptionAdminRecord): SavingsSubscriptionAdmin {
  return { ...subscriptionView(record), userId: record.userId, email: record.email };
}
