import { generateMonthsAhead } from "@exchange/domains/savings/instances";
import type { JobDefinition } from "../job-definition";

/**
 * Generates the savings instances of this month and the next for every active product, when the
 * worker starts and every six hours. More often than monthly: generation creates nothing twice,
 * so a repeat is harmless, and it catches a worker that was down when the month turned (or a
 * product resumed since); creating or resuming a product generates its own at once. It moves no
 * money.
 */
const SIX_HOURS_MS = 6 * 60 * 60_000;

export const savingsInstancesJob: JobDefinition = {
  name: "savings-instances",
  schedule: () => ({ everyMs: SIX_HOURS_MS }),
  attempts: 5,
  build:
    ({ store, clock, log }) =>
    async () => {
      const created = await generateMonthsAhead({ db: store, clock });
      if (created > 0) log.info("savings instances generated", { created });
      return {};
    },
};
