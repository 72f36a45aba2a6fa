-- Identity and compliance: two-factor secrets and recovery codes, KYC submissions with their
-- documents, and the limits each KYC level grants.

-- CreateEnum
CREATE TYPE "PrincipalType" AS ENUM ('USER', 'STAFF');

-- CreateEnum
CREATE TYPE "KycStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "KycDocumentType" AS ENUM ('PASSPORT', 'NATIONAL_ID', 'DRIVING_LICENCE');

-- CreateEnum
CREATE TYPE "KycDocumentKind" AS ENUM ('FRONT', 'BACK', 'SELFIE');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "totp_enabled_at" TIMESTAMP(3),
ADD COLUMN     "totp_last_step" BIGINT,
ADD COLUMN     "totp_secret" TEXT;

-- AlterTable
ALTER TABLE "staff" ADD COLUMN     "totp_enabled_at" TIMESTAMP(3),
ADD COLUMN     "totp_last_step" BIGINT,
ADD COLUMN     "totp_secret" TEXT;

-- CreateTable
CREATE TABLE "recovery_codes" (
    "id" SERIAL NOT NULL,
    "owner_type" "PrincipalType" NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recovery_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kyc_submissions" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 1,
    "status" "KycStatus" NOT NULL DEFAULT 'PENDING',
    "legal_name" TEXT NOT NULL,
    "date_of_birth" DATE NOT NULL,
    "country" CHAR(2) NOT NULL,
    "document_type" "KycDocumentType" NOT NULL,
    "document_number" TEXT NOT NULL,
    "reject_reason" TEXT,
    "reviewed_by_id" INTEGER,
    "reviewed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kyc_submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kyc_documents" (
    "id" SERIAL NOT NULL,
    "submission_id" INTEGER NOT NULL,
    "kind" "KycDocumentKind" NOT NULL,
    "storage_key" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kyc_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kyc_level_limits" (
    "level" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "can_trade" BOOLEAN NOT NULL,
    "can_deposit" BOOLEAN NOT NULL,
    "can_withdraw" BOOLEAN NOT NULL,
    "daily_withdrawal_limit" DECIMAL(36,18) NOT NULL,

    CONSTRAINT "kyc_level_limits_pkey" PRIMARY KEY ("level")
);

-- CreateIndex
CREATE INDEX "recovery_codes_owner_type_owner_id_idx" ON "recovery_codes"("owner_type", "owner_id");

-- CreateIndex
CREATE INDEX "kyc_submissions_status_created_at_idx" ON "kyc_submissions"("status", "created_at");

-- CreateIndex
CREATE INDEX "kyc_submissions_user_id_created_at_idx" ON "kyc_submissions"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "kyc_documents_storage_key_key" ON "kyc_documents"("storage_key");

-- CreateIndex
CREATE UNIQUE INDEX "kyc_documents_submission_id_kind_key" ON "kyc_documents"("submission_id", "kind");

-- AddForeignKey
ALTER TABLE "kyc_submissions" ADD CONSTRAINT "kyc_submissions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kyc_submissions" ADD CONSTRAINT "kyc_submissions_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kyc_documents" ADD CONSTRAINT "kyc_documents_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "kyc_submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One open review per user: a second submission while one is pending is refused by the database.
CREATE UNIQUE INDEX "kyc_submissions_one_pending_per_user" ON "kyc_submissions"("user_id") WHERE "status" = 'PENDING';

-- The levels' defaults (seed 003: trading opens once identity is verified). Operators tune them.
INSERT INTO "kyc_level_limits" ("level", "name", "can_trade", "can_deposit", "can_withdraw", "daily_withdrawal_limit") VALUES
  (0, 'Email verified', false, true, false, 0),
  (1, 'Identity verified', true, true, true, 100000);
