-- CreateTable
CREATE TABLE "klines" (
    "symbol" TEXT NOT NULL,
    "interval" TEXT NOT NULL,
    "open_time" TIMESTAMP(3) NOT NULL,
    "open_ticks" DECIMAL(40,0) NOT NULL,
    "high_ticks" DECIMAL(40,0) NOT NULL,
    "low_ticks" DECIMAL(40,0) NOT NULL,
    "close_ticks" DECIMAL(40,0) NOT NULL,
    "volume_lots" DECIMAL(40,0) NOT NULL,
    "quote_atoms" DECIMAL(40,0) NOT NULL,
    "trade_count" INTEGER NOT NULL,
    "first_trade_id" INTEGER NOT NULL,
    "last_trade_id" INTEGER NOT NULL,
    "updated_seq" BIGINT NOT NULL,

    CONSTRAINT "klines_pkey" PRIMARY KEY ("symbol","interval","open_time")
);


-- Candle intervals the market-data job writes (Prisma cannot express this check).
ALTER TABLE "klines" ADD CONSTRAINT "klines_interval_check" CHECK ("interval" IN ('1m', '5m', '15m', '1h', '4h', '1d'));
