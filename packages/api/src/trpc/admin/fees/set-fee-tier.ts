import { ZFeeTierRow, ZSetFeeTierInput } from "@exchange/domains/fees/fee-contracts";
import { setFeeTier } from "@exchange/domains/fees/fee-tiers";
import { sectionProcedure } from "../../trpc";

/** Creates or changes a fee tier through the engine (`feeTier.set`), audited. */
export const setFeeTierProcedure = sectionProcedure("fees")
  .input(ZSetFeeTierInput)
  .output(ZFeeTierRow)
  .mutation(({ ctx, input }) =>
    setFeeTier(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );
