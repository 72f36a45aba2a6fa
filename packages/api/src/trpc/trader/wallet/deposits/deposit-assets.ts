import { listDepositAssets } from "@exchange/domains/wallet/deposit-addresses";
import { ZDepositAssetsOutput } from "@exchange/domains/wallet/deposit-contracts";
import { protectedProcedure } from "../../../trpc";

/** The assets the wallet's chain takes deposits of, with each one's minimum and confirmations. */
export const depositAssetsProcedure = protectedProcedure
  .output(ZDepositAssetsOutput)
  .query(({ ctx }) => listDepositAssets(ctx.services));
