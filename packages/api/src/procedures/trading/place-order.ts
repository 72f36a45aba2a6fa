import { placeOrder } from "../../services/trading";
import { protectedProcedure } from "../../trpc";
import { ZPlaceOrderInput, ZPlaceOrderOutput } from "./place-order.types";

export const placeOrderProcedure = protectedProcedure
  .input(ZPlaceOrderInput)
  .output(ZPlaceOrderOutput)
  .mutation(({ ctx, input }) => placeOrder(ctx.services, ctx.actor.userId, input));
