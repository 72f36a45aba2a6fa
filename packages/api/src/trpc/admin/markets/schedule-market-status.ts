import { scheduleMarketStatusChange } from "@exchange/domains/markets/market-operations";
import {
  ZScheduleMarketStatusInput,
  ZStatusChange,
} from "@exchange/domains/markets/market-operations-contracts";
import { sectionProcedure } from "../../trpc";

/** Stores a status change for a time; the worker sends it to the engine then. */
export const scheduleMarketStatusProcedure = sectionProcedure("markets")
  .input(ZScheduleMarketStatusInput)
  .output(ZStatusChange)
  .mutation(({ ctx, input }) =>
    scheduleMarketStatusChange(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );
