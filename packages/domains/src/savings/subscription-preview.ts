import { amountProblemMessage, formatUnits, parseAmount } from "@exchange/contracts/money";
import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import { findInstanceById } from "./instance-repository";
import { scheduleTermsOf } from "./instances";
import { addDays, repaymentSchedule } from "./repayment-schedule";
import type { SubscriptionPreview, SubscriptionPreviewInput } from "./subscription-contracts";

/**
 * The plans a subscription of `amount` to an instance would create, as `repaymentSchedule`
 * computes them at subscription: shown before the user confirms. No money moves, no quota is
 * taken; the limits (minimum, maximum, quota, window, balance, KYC) are the subscribe's to judge.
 */
export async function previewSubscription(
  services: Services,
  input: SubscriptionPreviewInput,
): Promise<SubscriptionPreview> {
  const instance = await findInstanceById(services.db, input.instanceId);
  if (!instance) throw new AppError(AppErrorCode.NOT_FOUND, "No such offer.");
  const { precision } = instance;
  const { assetCode, termDays } = instance.version.terms;
  const parsed = parseAmount(input.amount, precision);
  if ("problem" in parsed) {
    const message = amountProblemMessage(parsed.problem, assetCode, precision);
    throw new AppError(AppErrorCode.INVALID_INPUT, message, { amount: [message] });
  }
  const plans = repaymentSchedule(scheduleTermsOf(instance), parsed.atoms);
  const units = (atoms: bigint) => formatUnits(atoms, precision);
  return {
    instanceId: instance.id,
    asset: assetCode,
    amount: units(parsed.atoms),
    valueDate: instance.valueDate,
    maturityDate: addDays(instance.valueDate, termDays),
    interestTotal: units(plans.reduce((sum, plan) => sum + plan.interestAtoms, 0n)),
    plans: plans.map((plan) => ({
      seq: plan.seq,
      periodStart: plan.periodStart,
      dueDate: plan.dueDate,
      interest: units(plan.interestAtoms),
      principal: units(plan.principalAtoms),
    })),
  };
}
