import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeStore, openStore } from "@exchange/domains/services";
import type { Clock, EngineClient, Logger } from "@exchange/protocol";

/**
 * Brings the engine's assets, markets and fee tiers in line with the database's. The commands'
 * ids name their configuration, so a restart (or a retried run) sends nothing new to an engine
 * that has them. The engine may still be starting: each command waits for it on the stream.
 */
export async function syncReferenceDataOnce(deps: {
  databaseUrl: string;
  engine: EngineClient;
  log: Logger;
  clock: Clock;
}): Promise<void> {
  const db = openStore(deps.databaseUrl);
  try {
    await syncReferenceData(db, deps.engine, deps.clock.now());
    deps.log.info("reference data synced to the engine");
  } finally {
    await closeStore(db);
  }
}
