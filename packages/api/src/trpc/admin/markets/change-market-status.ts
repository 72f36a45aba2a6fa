import { changeMarketStatus } from "@exchange/domains/markets/market-operations";
import {
  ZChangeMarketStatusInput,
  ZStatusChange,
} from "@exchange/domains/markets/market-operations-contracts";
import { sectionProcedure } from "../../trpc";

/** Moves a market along its life now, through the engine (closing cancels every open order). */
export const changeMarketStatusProcedure = sectionProcedure("markets")
  .input(ZChangeMarketStatusInput)
  .output(ZStatusChange)
  .mutation(({ ctx, input }) =>
    changeMarketStatus(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );
