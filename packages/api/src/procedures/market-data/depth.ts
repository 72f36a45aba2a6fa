import { readDepth } from "../../services/market-data-depth";
import { publicProcedure } from "../../trpc";
import { ZDepthDto, ZDepthInput } from "./market-data.types";

/** The order book with its sequence; `<SYMBOL>@depth` diffs continue from `seq + 1`. */
export const depthProcedure = publicProcedure
  .input(ZDepthInput)
  .output(ZDepthDto)
  .query(({ ctx, input }) => readDepth(ctx.services, input));
