import { ZListMarketsInput, ZListMarketsOutput } from "@exchange/domains/markets/market-contracts";
import { listMarkets } from "@exchange/domains/markets/markets";
import { publicProcedure } from "../../trpc";

export const listMarketsProcedure = publicProcedure
  .input(ZListMarketsInput)
  .output(ZListMarketsOutput)
  .query(({ ctx }) => listMarkets(ctx.services));
