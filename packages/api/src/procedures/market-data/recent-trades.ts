import { readRecentTrades } from "../../services/market-data-trades";
import { publicProcedure } from "../../trpc";
import { ZRecentTradesInput, ZRecentTradesOutput } from "./market-data.types";

/** A market's latest public trades, newest first. */
export const recentTradesProcedure = publicProcedure
  .input(ZRecentTradesInput)
  .output(ZRecentTradesOutput)
  .query(({ ctx, input }) => readRecentTrades(ctx.services, input));
