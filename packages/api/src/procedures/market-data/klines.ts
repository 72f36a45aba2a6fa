import { readKlines } from "../../services/market-data-klines";
import { publicProcedure } from "../../trpc";
import { ZKlinesInput, ZKlinesOutput } from "./market-data.types";

/** Candles of one interval, oldest first; `<SYMBOL>@kline_<interval>` updates the last ones. */
export const klinesProcedure = publicProcedure
  .input(ZKlinesInput)
  .output(ZKlinesOutput)
  .query(({ ctx, input }) => readKlines(ctx.services, input));
