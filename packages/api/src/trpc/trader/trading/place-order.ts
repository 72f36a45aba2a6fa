import { limitOrderRate } from "@exchange/domains/trading/order-rate-limit";
import {
  ZPlaceOrderInput,
  ZPlaceOrderOutput,
} from "@exchange/domains/trading/place-order-contracts";
import { placeOrder } from "@exchange/domains/trading/trading";
import { protectedProcedure } from "../../trpc";

export const placeOrderProcedure = protectedProcedure
  .input(ZPlaceOrderInput)
  .output(ZPlaceOrderOutput)
  .mutation(async ({ ctx, input }) => {
    await limitOrderRate(ctx.services, ctx.actor.userId, "place");
    return placeOrder(ctx.services, ctx.actor.userId, input, {
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
  });
