-- AlterTable
ALTER TABLE "reconciliation_reports" ADD COLUMN     "engine_seq" BIGINT,
ADD COLUMN     "failure" TEXT;
