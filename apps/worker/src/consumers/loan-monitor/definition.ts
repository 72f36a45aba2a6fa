import type { ConsumerDefinition } from "../consumer-definition";
import { LoanMonitor } from "./loan-monitor";
import { LOAN_MONITOR_OFFSET } from "./monitor-store";

/** Loan warnings and liquidations on every index change (issue 19 part 5). */
export const loanMonitorConsumer: ConsumerDefinition = {
  name: "loan-monitor",
  offset: { table: "projector_offsets", name: LOAN_MONITOR_OFFSET },
  build: (context) =>
    new LoanMonitor({
      pool: context.pool,
      // A Redis connection of its own: each consumer blocks on its connection reading engine.events.
      redis: context.newRedis(),
      keys: context.keys,
      prefix: context.env.REDIS_PREFIX,
      journal: context.journal,
      engine: context.engine,
      clock: context.clock,
      log: context.log,
    }),
};
