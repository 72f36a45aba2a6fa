import { limitOrderRate } from "@exchange/domains/trading/order-rate-limit";
import { amendOrder } from "@exchange/domains/trading/trading";
import { protectedProcedure } from "../../trpc";
import { ZAmendOrderInput, ZAmendOrderOutput } from "./amend-order.types";

/**
 * Amends one of the caller's open orders (another user's order is "not found", never touched).
 * Counted as a placement: a price change places a new order.
 */
export const amendOrderProcedure = protectedProcedure
  .input(ZAmendOrderInput)
  .output(ZAmendOrderOutput)
  .mutation(async ({ ctx, input }) => {
    await limitOrderRate(ctx.services, ctx.actor.userId, "place");
    return amendOrder(ctx.services, ctx.actor.userId, input, {
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
  });
