import { limitOrderRate } from "@exchange/domains/trading/order-rate-limit";
import { cancelAllOrders, cancelOrder } from "@exchange/domains/trading/trading";
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
  .mutation(async ({ ctx, input }) => {
    await limitOrderRate(ctx.services, ctx.actor.userId, "cancel");
    return cancelOrder(ctx.services, ctx.actor.userId, input, {
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
  });

export const cancelAllProcedure = protectedProcedure
  .input(ZCancelAllInput)
  .output(ZCancelAllOutput)
  .mutation(async ({ ctx, input }) => {
    await limitOrderRate(ctx.services, ctx.actor.userId, "cancel");
    return cancelAllOrders(ctx.services, ctx.actor.userId, input.symbol, {
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
  });
