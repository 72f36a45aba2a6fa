import { transferFutures } from "@exchange/domains/derivatives/futures";
import {
  ZFuturesTransferInput,
  ZFuturesTransferOutput,
} from "@exchange/domains/derivatives/futures-contracts";
import { protectedProcedure } from "../../trpc";

/** Moves a settle asset between the caller's spot balance and futures wallet; once per `transferId`. */
export const futuresTransferProcedure = protectedProcedure
  .input(ZFuturesTransferInput)
  .output(ZFuturesTransferOutput)
  .mutation(({ ctx, input }) => transferFutures(ctx.services, ctx.actor, input));
