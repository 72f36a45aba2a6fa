import { limitOrderRate } from "../../services/order-rate-limit";
import { placeOrder } from "../../services/trading";
import { protectedProcedure } from "../../trpc";
import { ZPlaceOrderInput, ZPlaceOrderOutput } from "./place-order.types";

export const placeOrderProcedure = protectedProcedure
  .input(ZPlaceOrderInput)
  .output(ZPlaceOrderOutput)
  .mutation(async ({ ctx, input }) => {
    await limitOrderRate(ctx.services, ctx.actor.userId, "place");
    return placeOrder(ctx.services, ctx.actor.userId, input);
  });
