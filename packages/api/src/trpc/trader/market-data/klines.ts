import { ZKlinesInput, ZKlinesOutput } from "@exchange/domains/market-data/market-data-contracts";
import { readKlines } from "@exchange/domains/market-data/market-data-klines";
import { publicProcedure } from "../../trpc";

/** Candles of one interval, oldest first; `<SYMBOL>@kline_<interval>` updates the last ones. */
export const klinesProcedure = publicProcedure
  .input(ZKlinesInput)
  .output(ZKlinesOutput)
  .query(({ ctx, input }) => readKlines(ctx.services, input));
