import { z } from "zod";
import { readTickers } from "../../services/market-data-ticker";
import { publicProcedure } from "../../trpc";
import { ZTickersOutput } from "./market-data.types";

/** Every market's 24 h rolling ticker (the market selector). */
export const tickersProcedure = publicProcedure
  .input(z.void())
  .output(ZTickersOutput)
  .query(({ ctx }) => readTickers(ctx.services));
