import {
  ZDepositDecisionOutput,
  ZRefuseDepositInput,
} from "@exchange/domains/wallet/deposit-contracts";
import { refuseDeposit } from "@exchange/domains/wallet/deposits";
import { financeProcedure } from "../finance-procedure";

/** Refuses a held deposit with a reason: never credited. */
export const refuseDepositProcedure = financeProcedure
  .input(ZRefuseDepositInput)
  .output(ZDepositDecisionOutput)
  .mutation(async ({ ctx, input }) => ({
    deposit: await refuseDeposit(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  }));
