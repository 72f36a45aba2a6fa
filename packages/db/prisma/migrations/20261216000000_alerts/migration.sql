-- The alert center (issue 18 §7): problems reported by every process (`error` and `fatal` log
-- lines) and failed checks, one row per episode, de-duplicated by key.
CREATE TYPE "AlertSeverity" AS ENUM ('CRITICAL', 'WARNING');
CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'RESOLVED');

CREATE TABLE "alerts" (
    "id" SERIAL NOT NULL,
    "key" VARCHAR(300) NOT NULL,
    "severity" "AlertSeverity" NOT NULL,
    "source" VARCHAR(64) NOT NULL,
    "message" VARCHAR(2000) NOT NULL,
    "detail" VARCHAR(4000) NOT NULL DEFAULT '',
    "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
    "first_seen_at" TIMESTAMP(3) NOT NULL,
    "last_seen_at" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "notified_at" TIMESTAMP(3),
    "acknowledged_by" INTEGER,
    "acknowledged_at" TIMESTAMP(3),
    "resolved_by" INTEGER,
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "alerts_status_last_seen_at_idx" ON "alerts"("status", "last_seen_at");

-- One unresolved alert per key, even when two reports race: the second counts on the first.
CREATE UNIQUE INDEX "alerts_one_unresolved_per_key" ON "alerts"("key") WHERE "status" <> 'RESOLVED';

-- Orders per second on the System page counts the last minute's orders: a BRIN index, as rows
-- arrive in time order, costs the projector's COPY next to nothing.
CREATE INDEX "orders_created_at_idx" ON "orders" USING BRIN ("created_at");
