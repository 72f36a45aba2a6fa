import { ZSetFeeOverrideInput } from "@exchange/domains/fees/fee-contracts";
import { setFeeOverride } from "@exchange/domains/fees/fee-tiers";
import { z } from "zod";
import { sectionProcedure } from "../../trpc";

/** Fixes a trader's fee tier by hand, with a reason (`feeTier.assign`), audited. */
export const setFeeOverrideProcedure = sectionProcedure("fees")
  .input(ZSetFeeOverrideInput)
  .output(z.void())
  .mutation(({ ctx, input }) =>
    setFeeOverride(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );
