-- Sessions kept on the server: log-out, a password reset and a suspension revoke them, and a
-- sensitive action needs a recent second factor recorded on the session. They replace the
-- per-account cut-off `users.sessions_valid_after`. Staff enrol in two-factor for the first
-- time only through a one-time link an administrator creates.

-- AlterTable
ALTER TABLE "users" DROP COLUMN "sessions_valid_after";

-- CreateTable
CREATE TABLE "auth_sessions" (
    "id" TEXT NOT NULL,
    "principal_type" "PrincipalType" NOT NULL,
    "principal_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "stepped_up_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "auth_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_enrolment_links" (
    "id" SERIAL NOT NULL,
    "staff_id" INTEGER NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_enrolment_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "auth_sessions_principal_type_principal_id_idx" ON "auth_sessions"("principal_type", "principal_id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_enrolment_links_token_hash_key" ON "staff_enrolment_links"("token_hash");

-- CreateIndex
CREATE INDEX "staff_enrolment_links_staff_id_idx" ON "staff_enrolment_links"("staff_id");
