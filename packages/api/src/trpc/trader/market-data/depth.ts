import { ZDepthInput, ZDepthOutput } from "@exchange/domains/market-data/market-data-contracts";
import { readDepth } from "@exchange/domains/market-data/market-data-depth";
import { publicProcedure } from "../../trpc";

/** The order book with its sequence; `<SYMBOL>@depth` diffs continue from `seq + 1`. */
export const depthProcedure = publicProcedure
  .input(ZDepthInput)
  .output(ZDepthOutput)
  .query(({ ctx, input }) => readDepth(ctx.services, input));
