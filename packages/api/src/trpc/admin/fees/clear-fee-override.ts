import { ZClearFeeOverrideInput } from "@exchange/domains/fees/fee-contracts";
import { clearFeeOverride } from "@exchange/domains/fees/fee-tiers";
import { z } from "zod";
import { sectionProcedure } from "../../trpc";

/** Ends an override: the trader goes back to the tier their volume earns, audited. */
export const clearFeeOverrideProcedure = sectionProcedure("fees")
  .input(ZClearFeeOverrideInput)
  .output(z.void())
  .mutation(({ ctx, input }) =>
    clearFeeOverride(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );
