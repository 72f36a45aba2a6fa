import { createDb } from "@exchange/db";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import type { EngineClient, Logger } from "@exchange/protocol";
import type { Consumer } from "../../consumers/consumer";

/**
 * Brings the engine's assets and markets in line with the database's at start-up. The commands'
 * ids name their configuration, so a restart sends nothing new to an engine that has them. The
 * engine may still be starting: each command waits for it on the stream.
 */
export class ReferenceDataSync implements Consumer {
  readonly name = "reference-data";
  readonly boundedSteps = false;
  readonly batchMax = 1;
  readonly processedSeq = undefined;
  readonly inHand = undefined;

  constructor(private readonly deps: { databaseUrl: string; engine: EngineClient; log: Logger }) {}

  async start(): Promise<void> {}

  /** One sync; the job is then done (a failure is retried by the board with backoff). */
  async step(): Promise<boolean> {
    const db = createDb(this.deps.databaseUrl);
    try {
      await syncReferenceData(db, this.deps.engine);
      this.deps.log.info("reference data synced to the engine");
      return false;
    } finally {
      await db.$disconnect();
    }
  }

  stop(): void {}
}
