-- The chain in the reconciliation report: per chain asset, what the hot wallet and the users'
-- deposit addresses hold against what the exchange owes (null when the worker had no chain),
-- and whether any asset falls short.
ALTER TABLE "reconciliation_reports" ADD COLUMN "chain_holdings" JSONB;
ALTER TABLE "reconciliation_reports" ADD COLUMN "chain_shortfall" BOOLEAN NOT NULL DEFAULT false;

-- At most one open hot-wallet alert of a kind per chain and asset, even when two checks race
-- (a reorganised deposit may open one alert per deposit, so that kind is left out).
CREATE UNIQUE INDEX "wallet_alerts_one_open_hot_wallet_alert" ON "wallet_alerts"("chain_key", "asset_code", "kind")
  WHERE "resolved_at" IS NULL AND "kind" IN ('HOT_WALLET_WARNING', 'HOT_WALLET_LOW');
