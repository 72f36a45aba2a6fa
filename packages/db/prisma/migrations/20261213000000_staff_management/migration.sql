-- Staff managed from the console: an invited member has no password until they choose one
-- through the mailed enrolment link.
ALTER TABLE "staff" ALTER COLUMN "password_hash" DROP NOT NULL;

-- A lost two-factor is reset by two administrators: one asks, a different one decides.
CREATE TYPE "StaffTwoFactorResetStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

CREATE TABLE "staff_two_factor_resets" (
    "id" SERIAL NOT NULL,
    "staff_id" INTEGER NOT NULL,
    "requested_by_id" INTEGER NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "status" "StaffTwoFactorResetStatus" NOT NULL DEFAULT 'PENDING',
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_two_factor_resets_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "staff_two_factor_resets_status_idx" ON "staff_two_factor_resets"("status");
CREATE INDEX "staff_two_factor_resets_staff_id_idx" ON "staff_two_factor_resets"("staff_id");

-- One open request per member: a second one while the first waits is refused, not queued.
CREATE UNIQUE INDEX "staff_two_factor_resets_one_pending" ON "staff_two_factor_resets"("staff_id")
    WHERE "status" = 'PENDING';
