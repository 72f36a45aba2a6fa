-- Savings products (issue 14, seed 004 定期固收): products whose terms are versioned, one
-- instance per product and day, subscriptions with their repayment plans, and the payout runs.
-- Money columns are integer atoms of the asset (NUMERIC(40,0)); every move of money is an
-- engine command (savings.subscribe / payout / redeem), these tables only record them.

-- CreateEnum
CREATE TYPE "SavingsPayoutPeriod" AS ENUM ('DAILY', 'WEEKLY', 'MONTHLY', 'AT_MATURITY');

-- CreateEnum
CREATE TYPE "SavingsEarlyRedemption" AS ENUM ('NOT_ALLOWED', 'FORFEIT_INTEREST', 'PENALTY');

-- CreateEnum
CREATE TYPE "SavingsProductStatus" AS ENUM ('ACTIVE', 'PAUSED');

-- CreateEnum
CREATE TYPE "SavingsSubscriptionStatus" AS ENUM ('PENDING', 'ACTIVE', 'MATURED', 'REDEEMED');

-- CreateEnum
CREATE TYPE "SavingsPlanStatus" AS ENUM ('PENDING', 'PAID', 'CANCELLED');

-- CreateTable
CREATE TABLE "savings_products" (
    "id" SERIAL NOT NULL,
    "asset_code" TEXT NOT NULL,
    "status" "SavingsProductStatus" NOT NULL DEFAULT 'ACTIVE',
    "current_version" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "savings_products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "savings_product_versions" (
    "id" SERIAL NOT NULL,
    "product_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "annual_rate_ppm" INTEGER NOT NULL,
    "term_days" INTEGER NOT NULL,
    "payout_period" "SavingsPayoutPeriod" NOT NULL,
    "daily_quota_atoms" DECIMAL(40,0) NOT NULL,
    "min_amount_atoms" DECIMAL(40,0) NOT NULL,
    "max_amount_atoms" DECIMAL(40,0) NOT NULL,
    "kyc_level" INTEGER NOT NULL,
    "early_redemption" "SavingsEarlyRedemption" NOT NULL,
    "penalty_rate_ppm" INTEGER NOT NULL DEFAULT 0,
    "created_by_staff_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "savings_product_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "savings_instances" (
    "id" SERIAL NOT NULL,
    "product_id" INTEGER NOT NULL,
    "product_version_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "window_end" TIMESTAMP(3) NOT NULL,
    "value_date" DATE NOT NULL,
    "maturity_date" DATE NOT NULL,
    "quota_atoms" DECIMAL(40,0) NOT NULL,
    "subscribed_atoms" DECIMAL(40,0) NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "savings_instances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "savings_subscriptions" (
    "id" UUID NOT NULL,
    "user_id" INTEGER NOT NULL,
    "instance_id" INTEGER NOT NULL,
    "asset_code" TEXT NOT NULL,
    "amount_atoms" DECIMAL(40,0) NOT NULL,
    "request_key" TEXT NOT NULL,
    "status" "SavingsSubscriptionStatus" NOT NULL,
    "redeemed_atoms" DECIMAL(40,0),
    "deduction_atoms" DECIMAL(40,0),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),

    CONSTRAINT "savings_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "savings_plans" (
    "id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "period_start" DATE NOT NULL,
    "due_date" DATE NOT NULL,
    "interest_atoms" DECIMAL(40,0) NOT NULL,
    "principal_atoms" DECIMAL(40,0) NOT NULL,
    "status" "SavingsPlanStatus" NOT NULL DEFAULT 'PENDING',
    "paid_at" TIMESTAMP(3),
    "payout_run_id" BIGINT,

    CONSTRAINT "savings_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "savings_payout_runs" (
    "id" BIGSERIAL NOT NULL,
    "as_of" DATE NOT NULL,
    "trigger" TEXT NOT NULL,
    "triggered_by_id" INTEGER,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "ok" BOOLEAN,
    "error" TEXT,
    "plans_paid" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "savings_payout_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "savings_product_versions_product_id_version_key" ON "savings_product_versions"("product_id", "version");

-- CreateIndex
CREATE INDEX "savings_instances_window_start_window_end_idx" ON "savings_instances"("window_start", "window_end");

-- CreateIndex
CREATE UNIQUE INDEX "savings_instances_product_id_day_key" ON "savings_instances"("product_id", "day");

-- CreateIndex
CREATE INDEX "savings_subscriptions_user_id_created_at_idx" ON "savings_subscriptions"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "savings_subscriptions_status_idx" ON "savings_subscriptions"("status");

-- CreateIndex
CREATE UNIQUE INDEX "savings_subscriptions_user_id_request_key_key" ON "savings_subscriptions"("user_id", "request_key");

-- CreateIndex
CREATE INDEX "savings_plans_status_due_date_idx" ON "savings_plans"("status", "due_date");

-- CreateIndex
CREATE INDEX "savings_plans_payout_run_id_idx" ON "savings_plans"("payout_run_id");

-- CreateIndex
CREATE UNIQUE INDEX "savings_plans_subscription_id_seq_key" ON "savings_plans"("subscription_id", "seq");

-- CreateIndex
CREATE INDEX "savings_payout_runs_started_at_idx" ON "savings_payout_runs"("started_at" DESC);

-- AddForeignKey
ALTER TABLE "savings_product_versions" ADD CONSTRAINT "savings_product_versions_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "savings_products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "savings_instances" ADD CONSTRAINT "savings_instances_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "savings_products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "savings_instances" ADD CONSTRAINT "savings_instances_product_version_id_fkey" FOREIGN KEY ("product_version_id") REFERENCES "savings_product_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "savings_subscriptions" ADD CONSTRAINT "savings_subscriptions_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "savings_instances"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "savings_plans" ADD CONSTRAINT "savings_plans_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "savings_subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "savings_plans" ADD CONSTRAINT "savings_plans_payout_run_id_fkey" FOREIGN KEY ("payout_run_id") REFERENCES "savings_payout_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The quota is enforced by a conditional update of one instance row; these keep it honest.
ALTER TABLE "savings_instances" ADD CONSTRAINT "savings_instances_quota_check"
  CHECK ("subscribed_atoms" >= 0 AND "subscribed_atoms" <= "quota_atoms");
ALTER TABLE "savings_instances" ADD CONSTRAINT "savings_instances_window_check"
  CHECK ("window_start" < "window_end" AND "value_date" < "maturity_date");
ALTER TABLE "savings_product_versions" ADD CONSTRAINT "savings_product_versions_terms_check"
  CHECK ("annual_rate_ppm" >= 0 AND "annual_rate_ppm" <= 1000000 AND "term_days" BETWEEN 1 AND 3660
    AND "min_amount_atoms" > 0 AND "min_amount_atoms" <= "max_amount_atoms"
    AND "max_amount_atoms" <= "daily_quota_atoms" AND "kyc_level" >= 0
    AND "penalty_rate_ppm" BETWEEN 0 AND 1000000);
ALTER TABLE "savings_subscriptions" ADD CONSTRAINT "savings_subscriptions_amount_check"
  CHECK ("amount_atoms" > 0);
ALTER TABLE "savings_plans" ADD CONSTRAINT "savings_plans_amounts_check"
  CHECK ("interest_atoms" >= 0 AND "principal_atoms" >= 0);
