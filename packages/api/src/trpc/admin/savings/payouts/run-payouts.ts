import { ZRunPayoutsInput, ZRunPayoutsOutput } from "@exchange/domains/savings/payout-contracts";
import { requestPayoutRun } from "@exchange/domains/savings/payouts";
import { sectionProcedure } from "../../../trpc";

/**
 * Queues a payout run for a day on the worker's job queue (operations, or an administrator):
 * pays what is due by that day. Audited; the run appears in the list when the worker takes it.
 */
export const runPayoutsProcedure = sectionProcedure("products")
  .input(ZRunPayoutsInput)
  .output(ZRunPayoutsOutput)
  .mutation(({ ctx, input }) =>
    requestPayoutRun(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input.asOf),
  );
