import { runDueStatusChanges } from "@exchange/domains/markets/market-operations";
import type { JobDefinition } from "../job-definition";

/** How often due market status changes are looked for: a scheduled change runs within this. */
const EVERY_MS = 5_000;

/**
 * Runs the market status changes operations scheduled (`runDueStatusChanges`): each due change
 * is sent to the engine under its own id, so a retried run, or one after a crash, changes
 * nothing twice; one cancelled before its time never runs.
 */
export const marketStatusChangesJob: JobDefinition = {
  name: "market-status-changes",
  schedule: () => ({ everyMs: EVERY_MS }),
  attempts: 3,
  build:
    ({ store, engine, clock }) =>
    async () => {
      await runDueStatusChanges({ db: store, engine, clock });
      return {};
    },
};
