import { readTicker } from "../../services/market-data-ticker";
import { publicProcedure } from "../../trpc";
import { ZTickerDto, ZTickerInput } from "./market-data.types";

/** One market's 24 h rolling ticker. */
export const tickerProcedure = publicProcedure
  .input(ZTickerInput)
  .output(ZTickerDto)
  .query(({ ctx, input }) => readTicker(ctx.services, input.symbol));
