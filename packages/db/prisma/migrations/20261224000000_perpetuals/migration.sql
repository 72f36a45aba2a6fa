-- Perpetual contracts (issue 20): the read model of the derivatives module. Every table here is
-- projected by the worker's projector from the engine's events (`contract.added`,
-- `mark.changed`, `funding.settled`, `futures.walletChanged`, `position.changed`,
-- `position.funded`, `position.liquidated`); nothing else writes them. Quantities are lots,
-- prices ticks, money atoms of the settle asset, as the engine counts them (NUMERIC(40,0)).

-- CreateEnum
CREATE TYPE "PositionMarginMode" AS ENUM ('CROSS', 'ISOLATED');

-- CreateEnum
CREATE TYPE "PositionEventKind" AS ENUM ('TRADE', 'FUNDING', 'LIQUIDATION', 'DELEVERAGE', 'SETTINGS');

-- A perpetual's terms beyond its market's (the `markets` row, written by the listing service
-- before the engine took the contract) and its latest mark and funding.
CREATE TABLE "perpetual_contracts" (
    "symbol" TEXT NOT NULL,
    "max_leverage" INTEGER NOT NULL,
    -- [{"maxNotionalAtoms": "<atoms>", "maintenanceMarginPpm": n, "maxLeverage": n}], by bound.
    "risk_tiers" JSONB NOT NULL,
    "funding_interval_ms" INTEGER NOT NULL,
    "funding_cap_ppm" INTEGER NOT NULL,
    "interest_ppm" INTEGER NOT NULL,
    -- The last mark the engine took (null before the first) and when it was sampled.
    "mark_price_ticks" DECIMAL(40,0),
    "index_price_ticks" DECIMAL(40,0),
    "mark_at" TIMESTAMP(3),
    -- The last funding settled (null before the first).
    "last_funding_time" TIMESTAMP(3),
    "last_funding_rate_ppm" INTEGER,
    -- Journal position of the last change, so an older mark never overwrites a newer one.
    "updated_seq" BIGINT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "perpetual_contracts_pkey" PRIMARY KEY ("symbol")
);

-- A user's futures wallet per settle asset (the engine's `futuresMargin` split per user).
CREATE TABLE "futures_wallets" (
    "user_id" INTEGER NOT NULL,
    "asset" TEXT NOT NULL,
    "wallet_atoms" DECIMAL(40,0) NOT NULL,
    "updated_seq" BIGINT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "futures_wallets_pkey" PRIMARY KEY ("user_id", "asset")
);

-- One-way positions, one per user per contract; a flat one (qty 0) keeps the user's mode and
-- leverage there.
CREATE TABLE "positions" (
    "user_id" INTEGER NOT NULL,
    "symbol" TEXT NOT NULL,
    -- Signed: long > 0, short < 0, flat 0.
    "qty_lots" DECIMAL(40,0) NOT NULL,
    -- The entry notional, signed like the quantity (a short's is negative).
    "cost_atoms" DECIMAL(40,0) NOT NULL,
    "mode" "PositionMarginMode" NOT NULL,
    "leverage" INTEGER NOT NULL,
    -- Margin of its own while isolated, else 0.
    "isolated_margin_atoms" DECIMAL(40,0) NOT NULL,
    -- Realised PnL over the position's life (the sum of each change's).
    "realised_pnl_atoms" DECIMAL(40,0) NOT NULL,
    -- As the engine indexes it when it last reported the position; null when it has none.
    "liquidation_price_ticks" DECIMAL(40,0),
    "updated_seq" BIGINT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "positions_pkey" PRIMARY KEY ("user_id", "symbol")
);

-- A position's history: its state after each step (quantity and cost), what the step realised,
-- for funding what it paid (> 0) or received (< 0), for auto-deleveraging its price. `event_key` is the journal position of
-- the engine's event, so a re-projected batch writes each line once.
CREATE TABLE "position_events" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "symbol" TEXT NOT NULL,
    "kind" "PositionEventKind" NOT NULL,
    "qty_lots" DECIMAL(40,0) NOT NULL,
    "cost_atoms" DECIMAL(40,0) NOT NULL,
    "realised_pnl_atoms" DECIMAL(40,0) NOT NULL DEFAULT 0,
    "funding_atoms" DECIMAL(40,0),
    -- DELEVERAGE: the price (the liquidated position's bankruptcy price) it was reduced at.
    "price_ticks" DECIMAL(40,0),
    "event_key" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "command_id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "position_events_pkey" PRIMARY KEY ("id")
);

-- Each funding settlement of a contract: the rate, the mark it was applied at, what payers paid
-- and receivers received in total, the remainder kept in `rounding`, and how many positions.
CREATE TABLE "funding_settlements" (
    "symbol" TEXT NOT NULL,
    "funding_time" TIMESTAMP(3) NOT NULL,
    "rate_ppm" INTEGER NOT NULL,
    "mark_price_ticks" DECIMAL(40,0) NOT NULL,
    "paid_atoms" DECIMAL(40,0) NOT NULL,
    "received_atoms" DECIMAL(40,0) NOT NULL,
    "rounding_atoms" DECIMAL(40,0) NOT NULL,
    "positions" INTEGER NOT NULL,
    "seq" BIGINT NOT NULL,
    "settled_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "funding_settlements_pkey" PRIMARY KEY ("symbol", "funding_time")
);

-- Each liquidation: the quantity taken over (signed like the position), the mark that crossed
-- its line, its bankruptcy price, the lots the book and auto-deleveraging closed, and the
-- insurance fund's share (> 0 the margin left went to it, < 0 it covered a loss).
CREATE TABLE "liquidations" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "symbol" TEXT NOT NULL,
    "qty_lots" DECIMAL(40,0) NOT NULL,
    "mark_price_ticks" DECIMAL(40,0) NOT NULL,
    "bankruptcy_price_ticks" DECIMAL(40,0) NOT NULL,
    "book_lots" DECIMAL(40,0) NOT NULL,
    "deleveraged_lots" DECIMAL(40,0) NOT NULL,
    "insurance_atoms" DECIMAL(40,0) NOT NULL,
    "event_key" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "command_id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "liquidations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "positions_symbol_idx" ON "positions"("symbol");

-- CreateIndex
CREATE UNIQUE INDEX "position_events_event_key_key" ON "position_events"("event_key");

-- A user's history, newest first, keyset-paged by id (ids follow the journal).
CREATE INDEX "position_events_user_id_id_idx" ON "position_events"("user_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "liquidations_event_key_key" ON "liquidations"("event_key");

-- CreateIndex
CREATE INDEX "liquidations_user_id_id_idx" ON "liquidations"("user_id", "id");

-- AddForeignKey
ALTER TABLE "perpetual_contracts" ADD CONSTRAINT "perpetual_contracts_symbol_fkey" FOREIGN KEY ("symbol") REFERENCES "markets"("symbol") ON DELETE RESTRICT ON UPDATE CASCADE;
