import { resumeSubscriptions } from "@exchange/domains/savings/subscriptions";
import type { JobDefinition } from "../job-definition";

/**
 * Finishes savings subscriptions left PENDING by a crash or an engine timeout between the quota
 * and the engine's answer (`resumeSubscriptions`): each is sent again under its own id, so one
 * the engine applied is answered from its journal, and one it refused gives its quota back.
 */
export const savingsSubscriptionsJob: JobDefinition = {
  name: "savings-subscriptions",
  schedule: () => ({ everyMs: 60_000 }),
  attempts: 3,
  build:
    ({ store, engine, clock }) =>
    async () => {
      await resumeSubscriptions({ db: store, engine, clock });
      return {};
    },
};
