-- Commands whose application threw in the core: each stop of the engine is counted before it
-- exits, and a command that stopped it twice is set aside at the next start.

-- CreateTable
CREATE TABLE "engine_poison_commands" (
    "command_id" TEXT NOT NULL,
    "entry_id" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "stops" INTEGER NOT NULL DEFAULT 1,
    "first_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "engine_poison_commands_pkey" PRIMARY KEY ("command_id")
);
