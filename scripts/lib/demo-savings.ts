import type { Db } from "@exchange/db";
import { SEED_STAFF } from "@exchange/db/seed-data";
import { createProduct } from "@exchange/domains/savings/products";
import { systemClock } from "@exchange/protocol";

/**
 * Two savings products for `npm run dev`, so the Earn page has offers from the first start:
 * created once (while the database has no savings product) by the demo operations staff member,
 * as if through the admin console — audited, with this month's and next month's instances.
 */
export async function seedDemoSavings(db: Db): Promise<void> {
  if ((await db.savingsProduct.count()) > 0) return;
  const operations = SEED_STAFF.find((s) => s.role === "OPERATIONS");
  if (!operations) return;
  const staff = await db.staff.findUnique({ where: { email: operations.email } });
  if (!staff) return;
  const services = { db, clock: systemClock };
  const caller = { staffId: staff.id };
  await createProduct(services, caller, {
    name: "USDT Fixed 30 days",
    asset: "USDT",
    annualRatePercent: "5",
    termDays: 30,
    payoutPeriod: "WEEKLY",
    dailyQuota: "1000000",
    minAmount: "10",
    maxAmount: "50000",
    kycLevel: 1,
    earlyRedemption: "FORFEIT_INTEREST",
    penaltyRatePercent: "0",
  });
  await createProduct(services, caller, {
    name: "BTC Fixed 90 days",
    asset: "BTC",
    annualRatePercent: "2.5",
    termDays: 90,
    payoutPeriod: "MONTHLY",
    dailyQuota: "50",
    minAmount: "0.001",
    maxAmount: "5",
    kycLevel: 1,
    earlyRedemption: "PENALTY",
    penaltyRatePercent: "0.5",
  });
}
