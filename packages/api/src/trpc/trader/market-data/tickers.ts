import { ZTickersOutput } from "@exchange/domains/market-data/market-data-contracts";
import { readTickers } from "@exchange/domains/market-data/market-data-ticker";
import { z } from "zod";
import { publicProcedure } from "../../trpc";

/** Every market's 24 h rolling ticker (the market selector). */
export const tickersProcedure = publicProcedure
  .input(z.void())
  .output(ZTickersOutput)
  .query(({ ctx }) => readTickers(ctx.services));
