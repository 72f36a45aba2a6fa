-- Stop-limit, take-profit-limit and OCO orders in the orders read model. A stop order keeps
-- order_type 'limit' (it works as a limit order once triggered) and names its kind in
-- stop_order_type; it waits with working = false until the last trade price reaches
-- stop_price_ticks, then works from working_at (its time priority). An OCO list's two orders
-- share list_id. Orders written before these columns all worked from their acceptance.
ALTER TABLE "orders"
  ADD COLUMN "stop_order_type" TEXT,
  ADD COLUMN "stop_price_ticks" DECIMAL(40,0),
  ADD COLUMN "list_id" INTEGER,
  ADD COLUMN "working" BOOLEAN NOT NULL DEFAULT true,
  ADD COLUMN "working_at" TIMESTAMP(3);

UPDATE "orders" SET "working_at" = "created_at";
