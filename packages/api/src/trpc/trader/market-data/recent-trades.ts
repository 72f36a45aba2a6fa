import {
  ZRecentTradesInput,
  ZRecentTradesOutput,
} from "@exchange/domains/market-data/market-data-contracts";
import { readRecentTrades } from "@exchange/domains/market-data/market-data-trades";
import { publicProcedure } from "../../trpc";

/** A market's latest public trades, newest first. */
export const recentTradesProcedure = publicProcedure
  .input(ZRecentTradesInput)
  .output(ZRecentTradesOutput)
  .query(({ ctx, input }) => readRecentTrades(ctx.services, input));
