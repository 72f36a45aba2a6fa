import { ZFeeScheduleOutput } from "@exchange/domains/fees/fee-contracts";
import { getFeeSchedule } from "@exchange/domains/fees/fee-tiers";
import { sectionProcedure } from "../../trpc";

/** The fee tiers: volume thresholds and scales of the market rates. */
export const feeScheduleProcedure = sectionProcedure("fees")
  .output(ZFeeScheduleOutput)
  .query(({ ctx }) => getFeeSchedule(ctx.services));
