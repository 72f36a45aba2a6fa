import { depositAddressOf } from "@exchange/domains/wallet/deposit-addresses";
import { ZDepositAddress, ZDepositAddressInput } from "@exchange/domains/wallet/deposit-contracts";
import { protectedProcedure } from "../../../trpc";

/**
 * The caller's deposit address for an asset of the wallet's chain (created on first request,
 * the same after), with its QR code, minimum and confirmations. The service checks the KYC
 * level's `canDeposit` and that the chain carries the asset.
 */
export const depositAddressProcedure = protectedProcedure
  .input(ZDepositAddressInput)
  .output(ZDepositAddress)
  .query(({ ctx, input }) => depositAddressOf(ctx.services, ctx.actor.userId, input));
