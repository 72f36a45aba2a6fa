import { setLeverage, setMarginMode } from "@exchange/domains/derivatives/futures";
import { ZLeverageInput, ZMarginModeInput } from "@exchange/domains/derivatives/futures-contracts";
import { z } from "zod";
import { protectedProcedure } from "../../trpc";

/** The caller's leverage in a contract (1 to the contract's and the position's tier's maximum). */
export const setLeverageProcedure = protectedProcedure
  .input(ZLeverageInput)
  .output(z.object({ symbol: z.string(), leverage: z.number().int() }))
  .mutation(({ ctx, input }) => setLeverage(ctx.services, ctx.actor, input));

/** The caller's margin mode in a contract (cross or isolated; only while flat with no order). */
export const setMarginModeProcedure = protectedProcedure
  .input(ZMarginModeInput)
  .output(z.object({ symbol: z.string(), mode: z.enum(["cross", "isolated"]) }))
  .mutation(({ ctx, input }) => setMarginMode(ctx.services, ctx.actor, input));
