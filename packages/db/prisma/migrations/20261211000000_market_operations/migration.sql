-- The market lifecycle of the engine (packages/core market-lifecycle.ts): a market may be listed
-- before it opens and retired for good. Existing markets keep their status.
ALTER TYPE "MarketStatus" ADD VALUE 'PRE_OPEN' BEFORE 'TRADING';
ALTER TYPE "MarketStatus" ADD VALUE 'CLOSED';

-- Status changes asked for by staff, now or at a time; the id is the engine command's business key.
CREATE TYPE "MarketStatusChangeState" AS ENUM ('PENDING', 'SENDING', 'DONE', 'REJECTED', 'CANCELLED');

CREATE TABLE "market_status_changes" (
    "id" UUID NOT NULL,
    "symbol" TEXT NOT NULL,
    "status" "MarketStatus" NOT NULL,
    "run_at" TIMESTAMP(3) NOT NULL,
    "state" "MarketStatusChangeState" NOT NULL DEFAULT 'PENDING',
    "requested_by_id" INTEGER NOT NULL,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "market_status_changes_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "market_status_changes_state_run_at_idx" ON "market_status_changes"("state", "run_at");

ALTER TABLE "market_status_changes" ADD CONSTRAINT "market_status_changes_symbol_fkey"
  FOREIGN KEY ("symbol") REFERENCES "markets"("symbol") ON DELETE RESTRICT ON UPDATE CASCADE;
