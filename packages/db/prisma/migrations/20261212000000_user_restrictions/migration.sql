-- Restrictions compliance puts on a user (issue 18): trading frozen and withdrawals frozen, each
-- set and lifted on its own with a reason. A row is the restriction in force; setting and lifting
-- are audited (audit_log), so the table holds no history. Log-in suspension stays users.status.

-- CreateEnum
CREATE TYPE "UserRestrictionKind" AS ENUM ('TRADING', 'WITHDRAWALS');

-- CreateTable
CREATE TABLE "user_restrictions" (
    "user_id" INTEGER NOT NULL,
    "kind" "UserRestrictionKind" NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "staff_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_restrictions_pkey" PRIMARY KEY ("user_id","kind"),
    CONSTRAINT "user_restrictions_reason_length" CHECK (char_length(btrim("reason")) BETWEEN 3 AND 500)
);

-- AddForeignKey
ALTER TABLE "user_restrictions" ADD CONSTRAINT "user_restrictions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
