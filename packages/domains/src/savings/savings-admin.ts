import { formatUnits } from "@exchange/contracts/money";
import type { SavingsSubscriptionAdmin } from "@exchange/contracts/savings";
import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import type { SubscriptionAdminDetail } from "./payout-contracts";
import {
  findSubscriptionAdmin,
  findSubscriptionPlans,
  findSubscriptionsAdmin,
  type SubscriptionAdminFilter,
  type SubscriptionAdminRecord,
} from "./savings-admin-repository";

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
  const units = (atoms: bigint) => formatUnits(atoms, record.precision);
  return {
    ...subscriptionAdminView(record),
    productId: record.productId,
    plans: plans.map((plan) => ({
      seq: plan.seq,
      periodStart: plan.periodStart,
      dueDate: plan.dueDate,
      interest: units(plan.interestAtoms),
      principal: units(plan.principalAtoms),
      status: plan.status,
      paidAt: plan.paidAt,
      payoutRunId: plan.payoutRunId === null ? null : String(plan.payoutRunId),
    })),
  };
}

/** A rate in millionths as the percent text the wire carries: 52 500 → "5.25". */
export function ratePercentOf(ppm: number): string {
  return formatUnits(BigInt(ppm), 4);
}

function subscriptionAdminView(record: SubscriptionAdminRecord): SavingsSubscriptionAdmin {
  const units = (atoms: bigint) => formatUnits(atoms, record.precision);
  return {
    id: record.id,
    userId: record.userId,
    email: record.email,
    instanceId: record.instanceId,
    productName: record.productName,
    asset: record.assetCode,
    amount: units(record.amountAtoms),
    status: record.status,
    annualRatePercent: ratePercentOf(record.annualRatePpm),
    payoutPeriod: record.payoutPeriod,
    earlyRedemption: record.earlyRedemption,
    penaltyRatePercent: ratePercentOf(record.penaltyRatePpm),
    valueDate: record.valueDate,
    maturityDate: record.maturityDate,
    interestScheduled: units(record.interestScheduledAtoms),
    interestPaid: units(record.interestPaidAtoms),
    redeemed: record.redeemedAtoms === null ? null : units(record.redeemedAtoms),
    deduction: record.deductionAtoms === null ? null : units(record.deductionAtoms),
    createdAt: record.createdAt,
    endedAt: record.endedAt,
  };
}
