import type { SavingsEarlyRedemption, SavingsPayoutPeriod } from "@exchange/contracts/savings";
import type { Db } from "@exchange/db";
import { addDays, type Day, dateOfDay, dayOf } from "../savings/repayment-schedule";

/** Terms of a test product; every field has a default. Amounts in atoms. */
export interface TestSavingsTerms {
  name: string;
  assetCode: string;
  annualRatePpm: number;
  termDays: number;
  payoutPeriod: SavingsPayoutPeriod;
  dailyQuotaAtoms: bigint;
  minAmountAtoms: bigint;
  maxAmountAtoms: bigint;
  kycLevel: number;
  earlyRedemption: SavingsEarlyRedemption;
  penaltyRatePpm: number;
  /** The instance's day (UTC); today by default. */
  day: Day;
}

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
