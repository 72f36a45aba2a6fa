import { createAsset } from "@exchange/domains/markets/market-operations";
import {
  ZAssetOutput,
  ZCreateAssetInput,
} from "@exchange/domains/markets/market-operations-contracts";
import { sectionProcedure } from "../../trpc";

/** A new asset: the engine learns it first, then the assets table lists it. */
export const createAssetProcedure = sectionProcedure("markets")
  .input(ZCreateAssetInput)
  .output(ZAssetOutput)
  .mutation(({ ctx, input }) =>
    createAsset(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );
