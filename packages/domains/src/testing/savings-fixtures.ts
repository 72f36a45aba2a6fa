import type { SavingsEarlyRedemption, SavingsPayoutPeriod } from "@exchange/contracts/savings";
import type { Db } from "@exchange/db";
import { addDays, dateOfDay, dayOf, repaymentSchedule } from "../savings/repayment-schedule";

/**
 * Savings rows straight in the database for tests that need an offer (or a subscription to read)
 * before the product and subscribe services are in play. Amounts are engine atoms.
 */

export interface TestOfferTerms {
  asset: string;
  name: string;
  annualRatePpm: number;
  termDays: number;
  payoutPeriod: SavingsPayoutPeriod;
  dailyQuotaAtoms: bigint;
  minAmountAtoms: bigint;
  maxAmountAtoms: bigint;
  kycLevel: number;
  earlyRedemption: SavingsEarlyRedemption;
  penaltyRatePpm: number;
}

export const DEFAULT_TEST_OFFER: TestOfferTerms = {
  asset: "USDT",
  name: "USDT 30 days",
  annualRatePpm: 50_000,
  termDays: 30,
  payoutPeriod: "WEEKLY",
  dailyQuotaAtoms: 10_000n * 10n ** 8n, // 10 000 USDT (8 decimals)
  minAmountAtoms: 10n * 10n ** 8n,
  maxAmountAtoms: 5_000n * 10n ** 8n,
  kycLevel: 1,
  earlyRedemption: "PENALTY",
  penaltyRatePpm: 10_000,
};

/** A product with one version and its instance of `day` (default: the day of `now`). */
export async function createTestOffer(
  db: Db,
  options: { terms?: Partial<TestOfferTerms>; now?: Date; day?: string } = {},
): Promise<{ productId: number; instanceId: number; day: string }> {
  const terms = { ...DEFAULT_TEST_OFFER, ...options.terms };
  const day = options.day ?? dayOf(options.now ?? new Date());
  const valueDate = addDays(day, 1);
  const product = await db.savingsProduct.create({
    data: { assetCode: terms.asset, currentVersion: 1 },
    select: { id: true },
  });
  const version = await db.savingsProductVersion.create({
    data: {
      productId: product.id,
      version: 1,
      name: terms.name,
      annualRatePpm: terms.annualRatePpm,
      termDays: terms.termDays,
      payoutPeriod: terms.payoutPeriod,
      dailyQuotaAtoms: terms.dailyQuotaAtoms.toString(),
      minAmountAtoms: terms.minAmountAtoms.toString(),
      maxAmountAtoms: terms.maxAmountAtoms.toString(),
      kycLevel: terms.kycLevel,
      earlyRedemption: terms.earlyRedemption,
      penaltyRatePpm: terms.penaltyRatePpm,
    },
    select: { id: true },
  });
  const instance = await db.savingsInstance.create({
    data: {
      productId: product.id,
      productVersionId: version.id,
      day: dateOfDay(day),
      windowStart: dateOfDay(day),
      windowEnd: dateOfDay(addDays(day, 1)),
      valueDate: dateOfDay(valueDate),
      maturityDate: dateOfDay(addDays(valueDate, terms.termDays)),
      quotaAtoms: terms.dailyQuotaAtoms.toString(),
    },
    select: { id: true },
  });
  return { productId: product.id, instanceId: instance.id, day };
}

/**
 * An ACTIVE subscription with its plans, written without the engine: for tests that only read
 * (no money sits in the savings pool for it).
 */
export async function createTestSubscriptionRows(
  db: Db,
  input: { userId: number; instanceId: number; amountAtoms: bigint },
): Promise<string> {
  const instance = await db.savingsInstance.findUniqueOrThrow({
    where: { id: input.instanceId },
    select: {
      valueDate: true,
      product: { select: { assetCode: true } },
      productVersion: { select: { annualRatePpm: true, termDays: true, payoutPeriod: true } },
    },
  });
  const id = crypto.randomUUID();
  await db.savingsSubscription.create({
    data: {
      id,
      userId: input.userId,
      instanceId: input.instanceId,
      assetCode: instance.product.assetCode,
      amountAtoms: input.amountAtoms.toString(),
      requestKey: crypto.randomUUID(),
      status: "ACTIVE",
      activatedAt: new Date(),
    },
  });
  const plans = repaymentSchedule(
    { ...instance.productVersion, valueDate: dayOf(instance.valueDate) },
    input.amountAtoms,
  );
  await db.savingsPlan.createMany({
    data: plans.map((plan) => ({
      id: crypto.randomUUID(),
      subscriptionId: id,
      seq: plan.seq,
      periodStart: dateOfDay(plan.periodStart),
      dueDate: dateOfDay(plan.dueDate),
      interestAtoms: plan.interestAtoms.toString(),
      principalAtoms: plan.principalAtoms.toString(),
    })),
  });
  return id;
}
