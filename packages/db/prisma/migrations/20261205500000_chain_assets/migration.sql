-- The assets each blockchain carries, as data: a new token or chain is a row, not a release.
-- `chain_key` names one chain the deployment talks to (`evm-local` in dev and tests); the
-- contract address of a token is written by whoever deploys it (on a local chain: the chain
-- node's start), so it may be null until then. Amounts are in the asset's whole units.

-- CreateEnum
CREATE TYPE "ChainAssetKind" AS ENUM ('NATIVE', 'ERC20');

-- CreateTable
CREATE TABLE "chain_assets" (
    "chain_key" TEXT NOT NULL,
    "asset_code" TEXT NOT NULL,
    "kind" "ChainAssetKind" NOT NULL,
    "contract_address" TEXT,
    "decimals" INTEGER NOT NULL,
    "confirmations" INTEGER NOT NULL,
    "min_deposit" DECIMAL(50,18) NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chain_assets_pkey" PRIMARY KEY ("chain_key","asset_code"),
    -- A native coin has no contract; a token is identified by one (once deployed).
    CONSTRAINT "chain_assets_native_has_no_contract" CHECK ("kind" <> 'NATIVE' OR "contract_address" IS NULL),
    CONSTRAINT "chain_assets_decimals" CHECK ("decimals" BETWEEN 0 AND 36),
    CONSTRAINT "chain_assets_confirmations" CHECK ("confirmations" >= 1),
    CONSTRAINT "chain_assets_min_deposit" CHECK ("min_deposit" >= 0)
);

-- One asset per contract on a chain.
CREATE UNIQUE INDEX "chain_assets_chain_key_contract_address_key" ON "chain_assets"("chain_key", "contract_address");

-- AddForeignKey
ALTER TABLE "chain_assets" ADD CONSTRAINT "chain_assets_asset_code_fkey" FOREIGN KEY ("asset_code") REFERENCES "assets"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
