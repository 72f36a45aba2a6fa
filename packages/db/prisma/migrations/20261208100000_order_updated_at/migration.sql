-- The order history lists a trader's orders by their last change (fill or cancel), newest
-- first, so an order cancelled a moment ago is at the top however long ago it was placed. The
-- projector already keeps `updated_at` at the time of each order's latest event; this index
-- serves the history's keyset pages.
CREATE INDEX "orders_user_id_updated_at_order_id_idx" ON "orders"("user_id", "updated_at" DESC, "order_id" DESC);
