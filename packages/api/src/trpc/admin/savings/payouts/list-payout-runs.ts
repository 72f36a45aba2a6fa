import { ZPayoutRunsInput, ZPayoutRunsOutput } from "@exchange/domains/savings/payout-contracts";
import { listPayoutRuns } from "@exchange/domains/savings/payouts";
import { sectionProcedure } from "../../../trpc";

/** The payout runs newest first: day, trigger, who, timing, plans paid and totals per asset. */
export const listPayoutRunsProcedure = sectionProcedure("products")
  .input(ZPayoutRunsInput)
  .output(ZPayoutRunsOutput)
  .query(({ ctx, input }) =>
    listPayoutRuns(ctx.services, {
      limit: input.limit,
      beforeId: input.beforeId === undefined ? undefined : BigInt(input.beforeId),
    }),
  );
