import { cancelAllOrders, cancelOrder } from "../../services/trading";
import { protectedProcedure } from "../../trpc";
import {
  ZCancelAllInput,
  ZCancelAllOutput,
  ZCancelOrderInput,
  ZCancelOrderOutput,
} from "./queries.types";

/** Cancels one of the caller's open orders; another user's order is "not found", never touched. */
export const cancelOrderProcedure = protectedProcedure
  .input(ZCancelOrderInput)
  .output(ZCancelOrderOutput)
  .mutation(({ ctx, input }) => cancelOrder(ctx.services, ctx.actor.userId, input));

export const cancelAllProcedure = protectedProcedure
  .input(ZCancelAllInput)
  .output(ZCancelAllOutput)
  .mutation(({ ctx, input }) => cancelAllOrders(ctx.services, ctx.actor.userId, input.symbol));
