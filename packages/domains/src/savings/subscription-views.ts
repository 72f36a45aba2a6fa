import { formatUnits } from "@exchange/contracts/money";
import type {
  SavingsPlan,
  SavingsRedemptionQuote,
  SavingsSubscription,
  SavingsSubscriptionDetail,
} from "@exchange/contracts/savings";
import type { RedemptionAmounts } from "./redemption-rules";
import { dayOf } from "./repayment-schedule";
import { ppmToPercent } from "./savings-terms";
import type { PlanRecord, SubscriptionSummary } from "./subscription-read-repository";

export function subscriptionView(record: SubscriptionSummary): SavingsSubscription {
  const units = (atoms: bigint) => formatUnits(atoms, record.precision);
  return {
    id: record.id,
    instanceId: record.instanceId,
    productName: record.productName,
    asset: record.assetCode,
    amount: units(record.amountAtoms),
    status: record.status,
    annualRatePercent: ppmToPercent(record.annualRatePpm),
    payoutPeriod: record.payoutPeriod,
    earlyRedemption: record.earlyRedemption,
    penaltyRatePercent: ppmToPercent(record.penaltyRatePpm),
    valueDate: dayOf(record.valueDate),
    maturityDate: dayOf(record.maturityDate),
    interestScheduled: units(record.interestScheduledAtoms),
    interestPaid: units(record.interestPaidAtoms),
    redeemed: record.redeemedAtoms === null ? null : units(record.redeemedAtoms),
    deduction: record.deductionAtoms === null ? null : units(record.deductionAtoms),
    createdAt: record.createdAt,
    endedAt: record.endedAt,
  };
}

export function planView(plan: PlanRecord, precision: number): SavingsPlan {
  return {
    seq: plan.seq,
    periodStart: dayOf(plan.periodStart),
    dueDate: dayOf(plan.dueDate),
    interest: formatUnits(plan.interestAtoms, precision),
    principal: formatUnits(plan.principalAtoms, precision),
    status: plan.status,
    paidAt: plan.paidAt,
  };
}

export function subscriptionDetailView(
  record: SubscriptionSummary,
  plans: readonly PlanRecord[],
): SavingsSubscriptionDetail {
  return {
    ...subscriptionView(record),
    plans: plans.map((plan) => planView(plan, record.precision)),
  };
}

export function redemptionQuoteView(
  record: SubscriptionSummary,
  amounts: RedemptionAmounts,
): SavingsRedemptionQuote {
  const units = (atoms: bigint) => formatUnits(atoms, record.precision);
  return {
    subscriptionId: record.id,
    asset: record.assetCode,
    principal: units(record.amountAtoms),
    deduction: units(amounts.deductionAtoms),
    returned: units(amounts.returnedAtoms),
    interestForgone: units(amounts.interestForgoneAtoms),
  };
}
