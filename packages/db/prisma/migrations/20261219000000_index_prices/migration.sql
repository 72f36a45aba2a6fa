-- The index price of lending (issue 19 part 3): every sample the worker's index publisher took
-- of a collateral asset in a loan asset, built from the exchange's own spot market. The price is
-- quote atoms per one whole unit of the asset; the rows of the last day are kept.
CREATE TABLE "index_prices" (
    "id" BIGSERIAL NOT NULL,
    "asset" VARCHAR(16) NOT NULL,
    "quote" VARCHAR(16) NOT NULL,
    "price_atoms" NUMERIC(40,0) NOT NULL,
    -- How the sample at this moment was read: `mid` of the best bid and ask, or the `last` trade.
    "method" VARCHAR(8) NOT NULL,
    -- The sources that gave it (`exchange:BTCUSDT`), comma-separated.
    "sources" VARCHAR(200) NOT NULL,
    -- Samples the median was taken over (the window, shorter just after a start).
    "samples" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "index_prices_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "index_prices_asset_quote_at_idx" ON "index_prices"("asset", "quote", "at");
-- Pruning deletes by time alone: rows arrive in time order, so a BRIN index costs next to nothing.
CREATE INDEX "index_prices_at_idx" ON "index_prices" USING BRIN ("at");
