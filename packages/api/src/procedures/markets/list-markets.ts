import { listMarkets } from "../../services/markets";
import { publicProcedure } from "../../trpc";
import { ZListMarketsInput, ZListMarketsOutput } from "./list-markets.types";

export const listMarketsProcedure = publicProcedure
  .input(ZListMarketsInput)
  .output(ZListMarketsOutput)
  .query(({ ctx }) => listMarkets(ctx.services.db));
