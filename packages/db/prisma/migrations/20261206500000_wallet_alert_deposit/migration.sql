-- A DEPOSIT_REORGED alert names its deposit, so finance's acknowledgement of that deposit
-- resolves exactly its alert (and the admin banner goes once every one is acknowledged).
ALTER TABLE "wallet_alerts" ADD COLUMN "deposit_id" INTEGER;
CREATE INDEX "wallet_alerts_deposit_id_idx" ON "wallet_alerts"("deposit_id");
