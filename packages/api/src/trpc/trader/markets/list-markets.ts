import { ZListMarketsInput, ZListMarketsOutput } from "@exchange/domains/markets/market-contracts";
import { listTraderMarkets } from "@exchange/domains/markets/markets";
import { publicProcedure } from "../../trpc";

export const listMarketsProcedure = publicProcedure
  .input(ZListMarketsInput)
  .output(ZListMarketsOutput)
  .query(({ ctx }) => listTraderMarkets(ctx.services));
