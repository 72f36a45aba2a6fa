import { setAssetStatus } from "@exchange/domains/markets/market-operations";
import {
  ZAssetOutput,
  ZSetAssetStatusInput,
} from "@exchange/domains/markets/market-operations-contracts";
import { sectionProcedure } from "../../trpc";

/** Suspends or resumes an asset's deposits and withdrawals, with a reason (audited). */
export const setAssetStatusProcedure = sectionProcedure("markets")
  .input(ZSetAssetStatusInput)
  .output(ZAssetOutput)
  .mutation(({ ctx, input }) =>
    setAssetStatus(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );
