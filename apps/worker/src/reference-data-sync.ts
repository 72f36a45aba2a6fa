import { syncReferenceData } from "@exchange/api";
import { createDb } from "@exchange/db";
import type { EngineClient, Logger } from "@exchange/protocol";

/**
 * Brings the engine's assets and markets in line with the database's at start-up. The commands'
 * ids name their configuration, so a restart sends nothing new to an engine that has them. The
 * engine may still be starting: each command waits for it on the stream.
 */
export class ReferenceDataSync {
  constructor(private readonly deps: { databaseUrl: string; engine: EngineClient; log: Logger }) {}

  async run(): Promise<void> {
    const db = createDb(this.deps.databaseUrl);
    try {
      await syncReferenceData(db, this.deps.engine);
      this.deps.log.info("reference data synced to the engine");
    } finally {
      await db.$disconnect();
    }
  }

  stop(): void {}
}
