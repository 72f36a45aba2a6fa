import { ZListFeeOverridesOutput } from "@exchange/domains/fees/fee-contracts";
import { listUserFeeTiers } from "@exchange/domains/fees/fee-tiers";
import { sectionProcedure } from "../../trpc";

/** Traders above tier 0 or with an override. */
export const listUserFeeTiersProcedure = sectionProcedure("fees")
  .output(ZListFeeOverridesOutput)
  .query(({ ctx }) => listUserFeeTiers(ctx.services));
