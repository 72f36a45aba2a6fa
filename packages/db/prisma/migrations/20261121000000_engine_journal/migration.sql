-- CreateTable
CREATE TABLE "engine_journal" (
    "seq" BIGINT NOT NULL,
    "command_id" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "outcome" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "engine_journal_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "engine_snapshots" (
    "seq" BIGINT NOT NULL,
    "state_hash" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "engine_snapshots_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "engine_journal_command_id_key" ON "engine_journal"("command_id");

