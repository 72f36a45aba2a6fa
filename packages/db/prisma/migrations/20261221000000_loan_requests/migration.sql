-- A loan is recorded PENDING (with the borrower's request key) before its loan.open command
-- goes to the engine: a double submit finds it, a refused one is dropped, and the projector
-- fills in the engine's amounts from loan.changed.
ALTER TYPE "LoanStatus" ADD VALUE IF NOT EXISTS 'PENDING' BEFORE 'OPEN';

ALTER TABLE "loans" ADD COLUMN "request_key" UUID;

CREATE UNIQUE INDEX "loans_user_id_request_key_key" ON "loans"("user_id", "request_key");
