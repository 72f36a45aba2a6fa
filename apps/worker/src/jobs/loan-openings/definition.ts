import { resumeOpenings } from "@exchange/domains/lending/borrowing";
import type { JobDefinition } from "../job-definition";

/**
 * Finishes loans left PENDING by a crash or an engine timeout between the loan's row and the
 * engine's answer (`resumeOpenings`): each loan.open is sent again under the loan's id, so one the
 * engine applied becomes OPEN and one it refuses is dropped with nothing moved.
 */
export const loanOpeningsJob: JobDefinition = {
  name: "loan-openings",
  schedule: () => ({ everyMs: 60_000 }),
  attempts: 3,
  build:
    ({ store, engine, clock, log }) =>
    async () => {
      const resumed = await resumeOpenings({ db: store, engine, clock });
      if (resumed > 0) log.info("pending loan openings resumed", { resumed });
      return {};
    },
};
