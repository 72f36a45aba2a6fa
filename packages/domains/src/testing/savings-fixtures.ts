import type { Db } from "@exchange/db";
import {
  addDays,
  type Day,
  dateOfDay,
  dayOf,
  repaymentSchedule,
} from "../savings/repayment-schedule";
import type { StoredTerms } from "../savings/savings-terms";

/** Terms of a test product (as a version stores them) and its instance's day; all defaulted. */
export type TestSavingsTerms = StoredTerms & {
  /** The instance's day (UTC); today by default. */
  day: Day;
};

/**
 * A product (version 1) and its instance for one day, written straight to the tables: for tests
 * of what comes after the products' own services (subscriptions, payouts, redemptions).
 */
export async function createTestSavingsInstance(
  db: Db,
  overrides: Partial<TestSavingsTerms> = {},
): Promise<{ productId: number; instanceId: number; day: Day }> {
  const t: TestSavingsTerms = {
    name: `Test savings ${crypto.randomUUID().slice(0, 8)}`,
    assetCode: "USDT",
    annualRatePpm: 50_000,
    termDays: 30,
    payoutPeriod: "AT_MATURITY",
    // 1 000 000, 1 and 100 000 of the seeded USDT (8 decimals).
    dailyQuotaAtoms: 1_000_000n * 10n ** 8n,
    minAmountAtoms: 10n ** 8n,
    maxAmountAtoms: 100_000n * 10n ** 8n,
    kycLevel: 1,
    earlyRedemption: "FORFEIT_INTEREST",
    penaltyRatePpm: 0,
    day: dayOf(new Date()),
    ...overrides,
  };
  const product = await db.savingsProduct.create({
    data: { assetCode: t.assetCode, currentVersion: 1 },
    select: { id: true },
  });
  const version = await db.savingsProductVersion.create({
    data: {
      productId: product.id,
      version: 1,
      name: t.name,
      annualRatePpm: t.annualRatePpm,
      termDays: t.termDays,
      payoutPeriod: t.payoutPeriod,
      dailyQuotaAtoms: t.dailyQuotaAtoms.toString(),
      minAmountAtoms: t.minAmountAtoms.toString(),
      maxAmountAtoms: t.maxAmountAtoms.toString(),
      kycLevel: t.kycLevel,
      earlyRedemption: t.earlyRedemption,
      penaltyRatePpm: t.penaltyRatePpm,
    },
    select: { id: true },
  });
  const valueDate = addDays(t.day, 1);
  const instance = await db.savingsInstance.create({
    data: {
      productId: product.id,
      productVersionId: version.id,
      day: dateOfDay(t.day),
      windowStart: dateOfDay(t.day),
      windowEnd: dateOfDay(valueDate),
      valueDate: dateOfDay(valueDate),
      maturityDate: dateOfDay(addDays(valueDate, t.termDays)),
      quotaAtoms: t.dailyQuotaAtoms.toString(),
    },
    select: { id: true },
  });
  return { productId: product.id, instanceId: instance.id, day: t.day };
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
