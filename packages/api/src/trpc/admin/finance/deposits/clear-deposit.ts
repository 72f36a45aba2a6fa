import {
  ZClearDepositInput,
  ZDepositDecisionOutput,
} from "@exchange/domains/wallet/deposit-contracts";
import { clearDeposit } from "@exchange/domains/wallet/deposits";
import { financeProcedure } from "../finance-procedure";

/** Clears a held deposit: credited now if it has its confirmations, else when it reaches them. */
export const clearDepositProcedure = financeProcedure
  .input(ZClearDepositInput)
  .output(ZDepositDecisionOutput)
  .mutation(async ({ ctx, input }) => ({
    deposit: await clearDeposit(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  }));
