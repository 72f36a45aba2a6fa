-- API keys for the trading gateway (issue 17): HMAC keys whose secret is sealed like TOTP
-- secrets, Ed25519 keys whose public half the trader uploads. Revoked keys are kept (revoked_at,
-- revoked_by_*); a trader has at most 30 live keys (checked by the service under a lock on the
-- user's row). The checks below keep each kind's columns consistent whatever writes the row.

-- CreateEnum
CREATE TYPE "ApiKeyKind" AS ENUM ('HMAC', 'ED25519');

-- CreateEnum
CREATE TYPE "ApiKeyPermission" AS ENUM ('READ', 'TRADE', 'WITHDRAW');

-- CreateTable
CREATE TABLE "api_keys" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "label" VARCHAR(64) NOT NULL,
    "kind" "ApiKeyKind" NOT NULL,
    "api_key" VARCHAR(64) NOT NULL,
    "secret_encrypted" VARCHAR(256),
    "public_key" VARCHAR(64),
    "permissions" "ApiKeyPermission"[],
    "ip_allow_list" TEXT[],
    "expires_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "revoked_by_type" "PrincipalType",
    "revoked_by_id" INTEGER,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_keys_label_length" CHECK (char_length(btrim("label")) BETWEEN 1 AND 64),
    CONSTRAINT "api_keys_api_key_form" CHECK ("api_key" ~ '^[A-Za-z0-9_-]{64}$'),
    CONSTRAINT "api_keys_kind_material" CHECK (
      ("kind" = 'HMAC' AND "secret_encrypted" IS NOT NULL AND "public_key" IS NULL) OR
      ("kind" = 'ED25519' AND "public_key" IS NOT NULL AND "secret_encrypted" IS NULL)
    ),
    CONSTRAINT "api_keys_permissions_read" CHECK ("permissions" IS NOT NULL AND 'READ' = ANY ("permissions") AND cardinality("permissions") <= 3),
    CONSTRAINT "api_keys_ip_allow_list_size" CHECK ("ip_allow_list" IS NOT NULL AND cardinality("ip_allow_list") <= 30),
    CONSTRAINT "api_keys_revoked_by" CHECK (("revoked_at" IS NULL) = ("revoked_by_type" IS NULL AND "revoked_by_id" IS NULL))
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_api_key_key" ON "api_keys"("api_key");

-- CreateIndex
CREATE INDEX "api_keys_user_id_idx" ON "api_keys"("user_id");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
