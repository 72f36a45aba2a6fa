-- The wallet (issue 13): deposit addresses, deposits as the chain watcher finds them,
-- withdrawals and their finance approvals, the address book and blocklist, every transaction
-- the signer signs (stored before it is broadcast), sweeps to the hot wallet, finance alerts,
-- and the watcher's place on each chain. Per-asset withdrawal thresholds and hot-wallet lines
-- are columns of chain_assets: data an operator tunes, not code. Amounts in engine atoms are
-- NUMERIC(40,0); amounts on chain (wei, token atoms) NUMERIC(78,0), which holds any uint256.

-- CreateEnum
CREATE TYPE "DepositStatus" AS ENUM ('CONFIRMING', 'BELOW_MINIMUM', 'HELD', 'CREDITED', 'DROPPED', 'REJECTED');

-- CreateEnum
CREATE TYPE "WithdrawalStatus" AS ENUM ('REQUESTED', 'PENDING_APPROVAL', 'APPROVED', 'BROADCAST', 'CONFIRMED', 'REJECTED', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('APPROVE', 'REJECT');

-- CreateEnum
CREATE TYPE "ChainTransactionPurpose" AS ENUM ('WITHDRAWAL', 'SWEEP', 'GAS_TOP_UP');

-- CreateEnum
CREATE TYPE "ChainTransactionStatus" AS ENUM ('SIGNED', 'BROADCAST', 'CONFIRMED', 'REVERTED', 'DROPPED');

-- CreateEnum
CREATE TYPE "SweepStatus" AS ENUM ('FUNDING', 'BROADCAST', 'CONFIRMED', 'FAILED');

-- CreateEnum
CREATE TYPE "WalletAlertKind" AS ENUM ('HOT_WALLET_WARNING', 'HOT_WALLET_LOW', 'DEPOSIT_REORGED');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "password_changed_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "chain_assets" ADD COLUMN     "auto_approve_max" DECIMAL(50,18) NOT NULL DEFAULT 0,
ADD COLUMN     "dual_approval_min" DECIMAL(50,18) NOT NULL DEFAULT 1000000,
ADD COLUMN     "hot_wallet_low" DECIMAL(50,18) NOT NULL DEFAULT 0,
ADD COLUMN     "hot_wallet_warning" DECIMAL(50,18) NOT NULL DEFAULT 0,
ADD COLUMN     "large_deposit" DECIMAL(50,18) NOT NULL DEFAULT 1000000,
ADD COLUMN     "min_withdrawal" DECIMAL(50,18) NOT NULL DEFAULT 0,
ADD COLUMN     "withdrawal_fee_floor" DECIMAL(50,18) NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "deposit_addresses" (
    "chain_key" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deposit_addresses_pkey" PRIMARY KEY ("chain_key","user_id")
);

-- CreateTable
CREATE TABLE "deposits" (
    "id" SERIAL NOT NULL,
    "chain_key" TEXT NOT NULL,
    "tx_hash" TEXT NOT NULL,
    "log_index" INTEGER NOT NULL,
    "asset_code" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "to_address" TEXT NOT NULL,
    "from_address" TEXT NOT NULL,
    "chain_amount" DECIMAL(78,0) NOT NULL,
    "amount_atoms" DECIMAL(40,0) NOT NULL,
    "block_number" BIGINT NOT NULL,
    "block_hash" TEXT NOT NULL,
    "confirmations" INTEGER NOT NULL DEFAULT 0,
    "status" "DepositStatus" NOT NULL,
    "flags" TEXT[],
    "reorged_after_credit" BOOLEAN NOT NULL DEFAULT false,
    "reviewed_by" INTEGER,
    "review_note" TEXT,
    "reviewed_at" TIMESTAMP(3),
    "credited_at" TIMESTAMP(3),
    "sweep_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "deposits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "withdrawals" (
    "id" UUID NOT NULL,
    "user_id" INTEGER NOT NULL,
    "chain_key" TEXT NOT NULL,
    "asset_code" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "amount_atoms" DECIMAL(40,0) NOT NULL,
    "fee_atoms" DECIMAL(40,0) NOT NULL,
    "request_key" TEXT NOT NULL,
    "status" "WithdrawalStatus" NOT NULL,
    "required_approvals" INTEGER NOT NULL,
    "risk_flags" TEXT[],
    "reject_reason" TEXT,
    "failure_reason" TEXT,
    "tx_hash" TEXT,
    "block_number" BIGINT,
    "confirmations" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approved_at" TIMESTAMP(3),
    "broadcast_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),
    "engine_done_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "withdrawals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "withdrawal_approvals" (
    "withdrawal_id" UUID NOT NULL,
    "staff_id" INTEGER NOT NULL,
    "decision" "ApprovalDecision" NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "withdrawal_approvals_pkey" PRIMARY KEY ("withdrawal_id","staff_id")
);

-- CreateTable
CREATE TABLE "withdrawal_addresses" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "chain_key" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "withdrawal_addresses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blocked_addresses" (
    "chain_key" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blocked_addresses_pkey" PRIMARY KEY ("chain_key","address")
);

-- CreateTable
CREATE TABLE "chain_transactions" (
    "hash" TEXT NOT NULL,
    "chain_key" TEXT NOT NULL,
    "from_address" TEXT NOT NULL,
    "nonce" INTEGER NOT NULL,
    "purpose" "ChainTransactionPurpose" NOT NULL,
    "reference_id" TEXT NOT NULL,
    "raw_transaction" TEXT NOT NULL,
    "status" "ChainTransactionStatus" NOT NULL,
    "block_number" BIGINT,
    "fee_paid" DECIMAL(78,0),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chain_transactions_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "sweeps" (
    "id" SERIAL NOT NULL,
    "chain_key" TEXT NOT NULL,
    "asset_code" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "from_address" TEXT NOT NULL,
    "chain_amount" DECIMAL(78,0) NOT NULL,
    "status" "SweepStatus" NOT NULL,
    "tx_hash" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sweeps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wallet_alerts" (
    "id" SERIAL NOT NULL,
    "chain_key" TEXT NOT NULL,
    "asset_code" TEXT NOT NULL,
    "kind" "WalletAlertKind" NOT NULL,
    "message" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "wallet_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chain_cursors" (
    "chain_key" TEXT NOT NULL,
    "block_number" BIGINT NOT NULL,
    "block_hash" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chain_cursors_pkey" PRIMARY KEY ("chain_key")
);

-- CreateTable
CREATE TABLE "chain_blocks" (
    "chain_key" TEXT NOT NULL,
    "number" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "parent_hash" TEXT NOT NULL,

    CONSTRAINT "chain_blocks_pkey" PRIMARY KEY ("chain_key","number")
);

-- CreateIndex
CREATE UNIQUE INDEX "deposit_addresses_chain_key_address_key" ON "deposit_addresses"("chain_key", "address");

-- CreateIndex
CREATE INDEX "deposits_user_id_created_at_idx" ON "deposits"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "deposits_status_created_at_idx" ON "deposits"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "deposits_chain_key_tx_hash_log_index_key" ON "deposits"("chain_key", "tx_hash", "log_index");

-- CreateIndex
CREATE INDEX "withdrawals_status_created_at_idx" ON "withdrawals"("status", "created_at");

-- CreateIndex
CREATE INDEX "withdrawals_user_id_created_at_idx" ON "withdrawals"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "withdrawals_user_id_request_key_key" ON "withdrawals"("user_id", "request_key");

-- CreateIndex
CREATE UNIQUE INDEX "withdrawal_addresses_user_id_chain_key_address_key" ON "withdrawal_addresses"("user_id", "chain_key", "address");

-- CreateIndex
CREATE INDEX "chain_transactions_chain_key_from_address_nonce_idx" ON "chain_transactions"("chain_key", "from_address", "nonce");

-- CreateIndex
CREATE INDEX "chain_transactions_purpose_reference_id_idx" ON "chain_transactions"("purpose", "reference_id");

-- CreateIndex
CREATE INDEX "chain_transactions_status_idx" ON "chain_transactions"("status");

-- CreateIndex
CREATE INDEX "sweeps_status_idx" ON "sweeps"("status");

-- CreateIndex
CREATE INDEX "wallet_alerts_resolved_at_idx" ON "wallet_alerts"("resolved_at");

-- AddForeignKey
ALTER TABLE "withdrawal_approvals" ADD CONSTRAINT "withdrawal_approvals_withdrawal_id_fkey" FOREIGN KEY ("withdrawal_id") REFERENCES "withdrawals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Bounds the code relies on.
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_amounts" CHECK ("amount_atoms" > 0 AND "fee_atoms" >= 0);
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_required_approvals" CHECK ("required_approvals" BETWEEN 0 AND 2);
ALTER TABLE "deposits" ADD CONSTRAINT "deposits_amounts" CHECK ("chain_amount" > 0 AND "amount_atoms" >= 0);
ALTER TABLE "chain_assets" ADD CONSTRAINT "chain_assets_hot_wallet_lines" CHECK ("hot_wallet_low" >= 0 AND "hot_wallet_warning" >= "hot_wallet_low");
ALTER TABLE "chain_assets" ADD CONSTRAINT "chain_assets_approval_thresholds" CHECK ("auto_approve_max" >= 0 AND "dual_approval_min" >= "auto_approve_max");
