-- Bounds that are the same everywhere: every market has a maximum price, quantity, notional and
-- number of open orders per user, every asset a maximum amount a user may hold. The engine
-- enforces them (packages/core limits.ts: each maximum at most 10^30 atoms, ticks or lots, so
-- every derived value fits the read models' NUMERIC(40,0)); the columns are wide enough for
-- that ceiling at any precision up to 18.

-- AlterTable
ALTER TABLE "assets" ADD COLUMN     "max_amount" DECIMAL(50,18) NOT NULL DEFAULT 1000000000;

-- AlterTable
ALTER TABLE "markets" ADD COLUMN     "max_notional" DECIMAL(50,18) NOT NULL DEFAULT 1000000000,
ADD COLUMN     "max_open_orders" INTEGER NOT NULL DEFAULT 200,
ADD COLUMN     "max_price" DECIMAL(50,18) NOT NULL DEFAULT 1000000000,
ALTER COLUMN "max_qty" SET DATA TYPE DECIMAL(50,18);
