import { listStatusChanges } from "@exchange/domains/markets/market-operations";
import { ZListStatusChangesOutput } from "@exchange/domains/markets/market-operations-contracts";
import { sectionProcedure } from "../../trpc";

/** The latest status changes, scheduled ones waiting first. */
export const listStatusChangesProcedure = sectionProcedure("markets")
  .output(ZListStatusChangesOutput)
  .query(({ ctx }) => listStatusChanges(ctx.services));
