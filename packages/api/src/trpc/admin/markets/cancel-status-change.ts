import { cancelStatusChange } from "@exchange/domains/markets/market-operations";
import {
  ZCancelStatusChangeInput,
  ZStatusChange,
} from "@exchange/domains/markets/market-operations-contracts";
import { sectionProcedure } from "../../trpc";

/** Cancels a scheduled status change that has not run. */
export const cancelStatusChangeProcedure = sectionProcedure("markets")
  .input(ZCancelStatusChangeInput)
  .output(ZStatusChange)
  .mutation(({ ctx, input }) =>
    cancelStatusChange(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );
