import { createMarket } from "@exchange/domains/markets/market-operations";
import {
  ZCreateMarketInput,
  ZCreateMarketOutput,
} from "@exchange/domains/markets/market-operations-contracts";
import { sectionProcedure } from "../../trpc";

/** A new market of two existing assets, pre-open or trading: the engine takes it, then the table. */
export const createMarketProcedure = sectionProcedure("markets")
  .input(ZCreateMarketInput)
  .output(ZCreateMarketOutput)
  .mutation(({ ctx, input }) =>
    createMarket(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );
