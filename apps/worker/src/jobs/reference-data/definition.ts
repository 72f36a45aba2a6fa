import type { JobDefinition } from "../job-definition";
import { syncReferenceDataOnce } from "./reference-data-sync";

/** A job run at each start, retried until the engine has taken the reference data. */
export const referenceDataJob: JobDefinition = {
  name: "reference-data",
  schedule: () => ({ atStart: true }),
  // As before the queue: retried (with capped backoff) until the engine answers.
  attempts: 1_000_000,
  build:
    ({ env, engine, log, clock }) =>
    async () => {
      await syncReferenceDataOnce({ databaseUrl: env.DATABASE_URL, engine, log, clock });
      return {};
    },
};
