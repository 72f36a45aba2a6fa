import { ZTickerInput, ZTickerOutput } from "@exchange/domains/market-data/market-data-contracts";
import { readTicker } from "@exchange/domains/market-data/market-data-ticker";
import { publicProcedure } from "../../trpc";

/** One market's 24 h rolling ticker. */
export const tickerProcedure = publicProcedure
  .input(ZTickerInput)
  .output(ZTickerOutput)
  .query(({ ctx, input }) => readTicker(ctx.services, input.symbol));
