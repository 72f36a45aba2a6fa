import {
  listBalances,
  listMyTrades,
  listOpenOrders,
  listOrderHistory,
} from "@exchange/domains/trading/order-queries";
import { protectedProcedure } from "../../trpc";
import { ZBalancesOutput, ZOrdersPage, ZOrdersPageInput, ZTradesPage } from "./queries.types";

/** The caller's resting orders, newest first. */
export const openOrdersProcedure = protectedProcedure
  .input(ZOrdersPageInput)
  .output(ZOrdersPage)
  .query(({ ctx, input }) => listOpenOrders(ctx.services, ctx.actor.userId, input));

/** The caller's filled and cancelled orders, the latest change (fill or cancel) first. */
export const orderHistoryProcedure = protectedProcedure
  .input(ZOrdersPageInput)
  .output(ZOrdersPage)
  .query(({ ctx, input }) => listOrderHistory(ctx.services, ctx.actor.userId, input));

/** The caller's fills with fees, newest first. */
export const tradeHistoryProcedure = protectedProcedure
  .input(ZOrdersPageInput)
  .output(ZTradesPage)
  .query(({ ctx, input }) => listMyTrades(ctx.services, ctx.actor.userId, input));

/** The caller's balances of every asset. */
export const balancesProcedure = protectedProcedure
  .output(ZBalancesOutput)
  .query(({ ctx }) => listBalances(ctx.services, ctx.actor.userId));
