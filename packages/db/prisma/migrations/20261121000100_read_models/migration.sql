-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED');

-- CreateTable
CREATE TABLE "projector_offsets" (
    "name" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "projector_offsets_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "orders" (
    "order_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "symbol" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "order_type" TEXT NOT NULL,
    "price_ticks" DECIMAL(40,0) NOT NULL,
    "qty_lots" DECIMAL(40,0) NOT NULL,
    "quote_atoms" DECIMAL(40,0) NOT NULL,
    "time_in_force" TEXT NOT NULL,
    "post_only" BOOLEAN NOT NULL,
    "client_order_id" TEXT,
    "status" "OrderStatus" NOT NULL,
    "filled_lots" DECIMAL(40,0) NOT NULL DEFAULT 0,
    "remaining_lots" DECIMAL(40,0) NOT NULL,
    "filled_quote_atoms" DECIMAL(40,0) NOT NULL DEFAULT 0,
    "cancel_reason" TEXT,
    "accepted_seq" BIGINT NOT NULL,
    "updated_seq" BIGINT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "trades" (
    "trade_id" INTEGER NOT NULL,
    "symbol" TEXT NOT NULL,
    "price_ticks" DECIMAL(40,0) NOT NULL,
    "qty_lots" DECIMAL(40,0) NOT NULL,
    "quote_atoms" DECIMAL(40,0) NOT NULL,
    "taker_side" TEXT NOT NULL,
    "taker_order_id" INTEGER NOT NULL,
    "taker_user_id" INTEGER NOT NULL,
    "taker_fee_atoms" DECIMAL(40,0) NOT NULL,
    "taker_fee_asset" TEXT NOT NULL,
    "maker_order_id" INTEGER NOT NULL,
    "maker_user_id" INTEGER NOT NULL,
    "maker_fee_atoms" DECIMAL(40,0) NOT NULL,
    "maker_fee_asset" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "executed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "trades_pkey" PRIMARY KEY ("trade_id")
);

-- CreateTable
CREATE TABLE "account_balances" (
    "user_id" INTEGER NOT NULL,
    "account" TEXT NOT NULL,
    "asset" TEXT NOT NULL,
    "balance_atoms" DECIMAL(40,0) NOT NULL,
    "updated_seq" BIGINT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_balances_pkey" PRIMARY KEY ("user_id","account","asset")
);

-- CreateTable
CREATE TABLE "ledger_postings" (
    "seq" BIGINT NOT NULL,
    "event_index" INTEGER NOT NULL,
    "posting_index" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "account" TEXT NOT NULL,
    "asset" TEXT NOT NULL,
    "amount_atoms" DECIMAL(40,0) NOT NULL,
    "balance_atoms" DECIMAL(40,0) NOT NULL,
    "cause" TEXT NOT NULL,
    "order_id" INTEGER NOT NULL,
    "trade_id" INTEGER NOT NULL,
    "business" TEXT NOT NULL,
    "business_id" TEXT NOT NULL,
    "posted_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ledger_postings_pkey" PRIMARY KEY ("seq","event_index","posting_index")
);

-- CreateTable
CREATE TABLE "reconciliation_reports" (
    "id" SERIAL NOT NULL,
    "seq" BIGINT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "asset_totals" JSONB NOT NULL,
    "differences" JSONB NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "reconciliation_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "orders_user_id_symbol_status_idx" ON "orders"("user_id", "symbol", "status");

-- CreateIndex
CREATE INDEX "orders_user_id_order_id_idx" ON "orders"("user_id", "order_id" DESC);

-- CreateIndex
CREATE INDEX "trades_symbol_trade_id_idx" ON "trades"("symbol", "trade_id" DESC);

-- CreateIndex
CREATE INDEX "trades_taker_user_id_trade_id_idx" ON "trades"("taker_user_id", "trade_id" DESC);

-- CreateIndex
CREATE INDEX "trades_maker_user_id_trade_id_idx" ON "trades"("maker_user_id", "trade_id" DESC);

-- CreateIndex
CREATE INDEX "account_balances_asset_account_idx" ON "account_balances"("asset", "account");

-- CreateIndex
CREATE INDEX "ledger_postings_user_id_asset_account_idx" ON "ledger_postings"("user_id", "asset", "account");

-- CreateIndex
CREATE INDEX "reconciliation_reports_started_at_idx" ON "reconciliation_reports"("started_at" DESC);

