import { generateMonthsAhead } from "@exchange/domains/savings/instances";
import type { JobDefinition } from "../job-definition";

/**
 * Generates the savings instances of this month and the next for every active product, at
 * 01:00 UTC each day. Daily rather than monthly: generation creates nothing twice, so a daily run
 * is harmless, and it catches a worker that was down on the 1st (or a product resumed since).
 * No run at start is needed: creating or resuming a product generates its instances at once,
 * and next month's exist from the first run of this month on. It moves no money.
 */
export const savingsInstancesJob: JobDefinition = {
  name: "savings-instances",
  schedule: () => ({ cron: "0 1 * * *" }),
  attempts: 5,
  build:
    ({ store, clock, log }) =>
    async () => {
      const created = await generateMonthsAhead({ db: store, clock });
      if (created > 0) log.info("savings instances generated", { created });
      return {};
    },
};
