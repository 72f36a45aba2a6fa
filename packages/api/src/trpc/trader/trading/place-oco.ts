import { limitOrderRate } from "@exchange/domains/trading/order-rate-limit";
import { placeOcoOrder } from "@exchange/domains/trading/trading";
import { protectedProcedure } from "../../trpc";
import { ZPlaceOcoInput, ZPlaceOcoOutput } from "./place-oco.types";

/** Places an OCO list (a limit order and a stop-limit order, one cancelling the other). */
export const placeOcoProcedure = protectedProcedure
  .input(ZPlaceOcoInput)
  .output(ZPlaceOcoOutput)
  .mutation(async ({ ctx, input }) => {
    await limitOrderRate(ctx.services, ctx.actor.userId, "place");
    return placeOcoOrder(ctx.services, ctx.actor.userId, input, {
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
  });
