import {
  assignFeeTiers,
  FEE_TIERS_ATTEMPTS,
  FEE_TIERS_JOB,
} from "@exchange/domains/fees/fee-tier-assignment";
import type { JobDefinition } from "../job-definition";

/**
 * The daily fee-tier run (issue 18): at 00:15 UTC, after the day's trades are projected, every
 * trader's volume of the 30 days before midnight picks their tier (domains/src/fees), and those
 * in another tier move by `feeTier.assign`. Overrides are left alone. Each command's id comes
 * from the trader's assignment revision and tier, so a retried run moves nobody twice.
 */
export const feeTiersJob: JobDefinition = {
  name: FEE_TIERS_JOB,
  schedule: () => ({ cron: "15 0 * * *" }),
  attempts: FEE_TIERS_ATTEMPTS,
  build:
    ({ store, engine, clock, log }) =>
    async () => {
      await assignFeeTiers({ db: store, engine, clock, log });
      return {};
    },
};
