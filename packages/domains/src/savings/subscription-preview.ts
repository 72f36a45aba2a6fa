import { amountProblemMessage, formatUnits, parseAmount } from "@exchange/contracts/money";
import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import { addDays, repaymentSchedule } from "./repayment-schedule";
import type { SubscriptionPreview, SubscriptionPreviewInput } from "./subscription-contracts";
import { findSubscribableInstance } from "./subscription-repository";

/**
 * The plans a subscription of `amount` to an instance would create, as `repaymentSchedule`
 * computes them at subscription: shown before the user confirms. No money moves, no quota is
 * taken; the limits (minimum, maximum, quota, window, balance, KYC) are the subscribe's to judge.
 */
export async function previewSubscription(
  services: Services,
  input: SubscriptionPreviewInput,
): Promise<SubscriptionPreview> {
  const terms = await findSubscribableInstance(services.db, input.instanceId);
  if (!terms) throw new AppError(AppErrorCode.NOT_FOUND, "No such offer.");
  const parsed = parseAmount(input.amount, terms.precision);
  if ("problem" in parsed) {
    const message = amountProblemMessage(parsed.problem, terms.assetCode, terms.precision);
    throw new AppError(AppErrorCode.INVALID_INPUT, message, { amount: [message] });
  }
  const plans = repaymentSchedule(
    {
      annualRatePpm: terms.annualRatePpm,
      termDays: terms.termDays,
      payoutPeriod: terms.payoutPeriod,
      valueDate: terms.valueDate,
    },
    parsed.atoms,
  );
  const units = (atoms: bigint) => formatUnits(atoms, terms.precision);
  return {
    instanceId: terms.id,
    asset: terms.assetCode,
    amount: units(parsed.atoms),
    valueDate: terms.valueDate,
    maturityDate: addDays(terms.valueDate, terms.termDays),
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
