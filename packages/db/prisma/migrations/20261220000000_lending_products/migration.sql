-- Lending (seed 004 借贷): loan products with versioned terms, the loans read model and the
-- loans' history. Products are written by the lending domain (operations); `loans` and
-- `loan_events` are projected from the engine's `loan.changed` events.

-- CreateEnum
CREATE TYPE "LoanInterestPeriod" AS ENUM ('HOUR', 'DAY');

-- CreateEnum
CREATE TYPE "LoanStatus" AS ENUM ('OPEN', 'LIQUIDATING', 'CLOSED', 'LIQUIDATED');

-- CreateEnum
CREATE TYPE "LoanEventKind" AS ENUM ('OPENED', 'ACCRUED', 'REPAID', 'COLLATERAL_ADDED', 'WARNING', 'LIQUIDATION_STARTED', 'LIQUIDATION_SLICE', 'LIQUIDATED', 'CLOSED');

-- CreateTable
CREATE TABLE "loan_products" (
    "id" SERIAL NOT NULL,
    "collateral_asset" TEXT NOT NULL,
    "loan_asset" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "current_version" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "loan_products_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "loan_products_assets_differ" CHECK ("collateral_asset" <> "loan_asset")
);

-- CreateTable
CREATE TABLE "loan_product_versions" (
    "id" SERIAL NOT NULL,
    "product_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "initial_ltv_ppm" INTEGER NOT NULL,
    "warning_line_ppm" INTEGER NOT NULL,
    "liquidation_line_ppm" INTEGER NOT NULL,
    "effective_liquidation_line_ppm" INTEGER NOT NULL,
    "liquidation_fee_ppm" INTEGER NOT NULL,
    "interest_period" "LoanInterestPeriod" NOT NULL,
    "rate_ppm" DECIMAL(12,0) NOT NULL,
    "term_days" INTEGER,
    "min_loan_atoms" DECIMAL(40,0) NOT NULL,
    "max_loan_atoms" DECIMAL(40,0) NOT NULL,
    "kyc_level" INTEGER NOT NULL,
    "created_by_staff_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loan_product_versions_pkey" PRIMARY KEY ("id"),
    -- The lines are fractions of the opening price: 1 > warning > liquidation ≥ effective > initial LTV.
    CONSTRAINT "loan_product_versions_lines" CHECK (
        "initial_ltv_ppm" > 0
        AND "effective_liquidation_line_ppm" > "initial_ltv_ppm"
        AND "liquidation_line_ppm" >= "effective_liquidation_line_ppm"
        AND "warning_line_ppm" > "liquidation_line_ppm"
        AND "warning_line_ppm" < 1000000),
    CONSTRAINT "loan_product_versions_fee" CHECK ("liquidation_fee_ppm" >= 0 AND "liquidation_fee_ppm" < 1000000),
    CONSTRAINT "loan_product_versions_rate" CHECK ("rate_ppm" >= 0 AND "rate_ppm" <= 1000000),
    CONSTRAINT "loan_product_versions_term" CHECK ("term_days" IS NULL OR "term_days" IN (7, 30, 90)),
    CONSTRAINT "loan_product_versions_amounts" CHECK ("min_loan_atoms" > 0 AND "min_loan_atoms" <= "max_loan_atoms")
);

-- CreateTable
CREATE TABLE "loans" (
    "id" UUID NOT NULL,
    "user_id" INTEGER NOT NULL,
    "product_version_id" INTEGER NOT NULL,
    "collateral_asset" TEXT NOT NULL,
    "loan_asset" TEXT NOT NULL,
    "principal_atoms" DECIMAL(40,0) NOT NULL,
    "interest_atoms" DECIMAL(40,0) NOT NULL DEFAULT 0,
    "collateral_atoms" DECIMAL(40,0) NOT NULL,
    "proceeds_atoms" DECIMAL(40,0) NOT NULL DEFAULT 0,
    "initial_ltv_ppm" INTEGER NOT NULL,
    "warning_ltv_ppm" INTEGER NOT NULL,
    "liquidation_ltv_ppm" INTEGER NOT NULL,
    "liquidation_fee_ppm" INTEGER NOT NULL,
    "status" "LoanStatus" NOT NULL,
    "opened_at" TIMESTAMP(3) NOT NULL,
    "matures_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "loans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loan_events" (
    "id" BIGSERIAL NOT NULL,
    "loan_id" UUID NOT NULL,
    "kind" "LoanEventKind" NOT NULL,
    "event_key" TEXT NOT NULL,
    "principal_atoms" DECIMAL(40,0),
    "interest_atoms" DECIMAL(40,0),
    "collateral_atoms" DECIMAL(40,0),
    "proceeds_atoms" DECIMAL(40,0),
    "fee_atoms" DECIMAL(40,0),
    "order_id" BIGINT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "loan_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "loan_product_versions_product_id_version_key" ON "loan_product_versions"("product_id", "version");

-- CreateIndex
CREATE INDEX "loans_status_idx" ON "loans"("status");

-- CreateIndex
CREATE INDEX "loans_user_id_opened_at_idx" ON "loans"("user_id", "opened_at");

-- CreateIndex
CREATE UNIQUE INDEX "loan_events_event_key_key" ON "loan_events"("event_key");

-- CreateIndex
CREATE INDEX "loan_events_loan_id_at_idx" ON "loan_events"("loan_id", "at");

-- AddForeignKey
ALTER TABLE "loan_products" ADD CONSTRAINT "loan_products_collateral_asset_fkey" FOREIGN KEY ("collateral_asset") REFERENCES "assets"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_products" ADD CONSTRAINT "loan_products_loan_asset_fkey" FOREIGN KEY ("loan_asset") REFERENCES "assets"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_product_versions" ADD CONSTRAINT "loan_product_versions_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "loan_products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loans" ADD CONSTRAINT "loans_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loans" ADD CONSTRAINT "loans_product_version_id_fkey" FOREIGN KEY ("product_version_id") REFERENCES "loan_product_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_events" ADD CONSTRAINT "loan_events_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
