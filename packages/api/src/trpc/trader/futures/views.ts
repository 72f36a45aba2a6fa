import {
  futuresAccount,
  futuresContracts,
  positionHistory,
  ZFuturesAccount,
  ZFuturesContract,
  ZPositionHistoryInput,
  ZPositionHistoryPage,
} from "@exchange/domains/derivatives/futures-views";
import { ZListMarketsOutput } from "@exchange/domains/markets/market-contracts";
import { listTraderContractMarkets } from "@exchange/domains/markets/markets";
import { z } from "zod";
import { protectedProcedure, publicProcedure } from "../../trpc";

/** Every listed perpetual contract: terms, latest mark and index, funding. Public. */
export const futuresContractsProcedure = publicProcedure
  .output(z.array(ZFuturesContract))
  .query(({ ctx }) => futuresContracts(ctx.services));

/** The caller's futures wallets and positions with their figures at the latest mark. */
export const futuresAccountProcedure = protectedProcedure
  .output(ZFuturesAccount)
  .query(({ ctx }) => futuresAccount(ctx.services, ctx.actor.userId));

/** The caller's position history, newest first (one contract's with `symbol`). */
export const positionHistoryProcedure = protectedProcedure
  .input(ZPositionHistoryInput)
  .output(ZPositionHistoryPage)
  .query(({ ctx, input }) => positionHistory(ctx.services, ctx.actor.userId, input));

/** The contracts as markets (ticks, lots, limits, fees, status) for the futures screen. Public. */
export const futuresMarketsProcedure = publicProcedure
  .output(ZListMarketsOutput)
  .query(({ ctx }) => listTraderContractMarkets(ctx.services));
