-- Fee tiers by 30-day traded volume (issue 18): the schedule operations keep, each change a
-- `feeTier.set` engine command keyed by the tier's revision.
CREATE TABLE "fee_tiers" (
    "tier" INTEGER NOT NULL,
    "min_volume_atoms" DECIMAL(40,0) NOT NULL,
    "maker_scale_ppm" INTEGER NOT NULL,
    "taker_scale_ppm" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fee_tiers_pkey" PRIMARY KEY ("tier"),
    CONSTRAINT "fee_tiers_tier_check" CHECK ("tier" >= 0),
    CONSTRAINT "fee_tiers_min_volume_check" CHECK ("min_volume_atoms" >= 0),
    CONSTRAINT "fee_tiers_maker_scale_check" CHECK ("maker_scale_ppm" BETWEEN -1000000 AND 1000000),
    CONSTRAINT "fee_tiers_taker_scale_check" CHECK ("taker_scale_ppm" BETWEEN 0 AND 1000000)
);

-- Tier 0 as the engine starts with it: the market rates, from zero volume.
INSERT INTO "fee_tiers" ("tier", "min_volume_atoms", "maker_scale_ppm", "taker_scale_ppm")
VALUES (0, 0, 1000000, 1000000);

-- Each trader's tier as the engine has it, the volume the daily job found, and any override.
CREATE TABLE "user_fee_tiers" (
    "user_id" INTEGER NOT NULL,
    "tier" INTEGER NOT NULL DEFAULT 0,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "volume_atoms" DECIMAL(40,0) NOT NULL DEFAULT 0,
    "volume_at" TIMESTAMP(3),
    "override_tier" INTEGER,
    "override_reason" VARCHAR(500),
    "override_by_id" INTEGER,
    "override_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_fee_tiers_pkey" PRIMARY KEY ("user_id"),
    CONSTRAINT "user_fee_tiers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE INDEX "user_fee_tiers_override_tier_idx" ON "user_fee_tiers"("override_tier");

-- The daily job and the fee-income report read trades by time.
CREATE INDEX "trades_executed_at_idx" ON "trades"("executed_at");
