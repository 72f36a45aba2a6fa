import {
  ZAcknowledgeReorgInput,
  ZDepositDecisionOutput,
} from "@exchange/domains/wallet/deposit-contracts";
import { acknowledgeReorgedDeposit } from "@exchange/domains/wallet/deposits";
import { financeProcedure } from "../finance-procedure";

/** Records finance's handling of a credited deposit whose block was reorganised away. */
export const acknowledgeReorgProcedure = financeProcedure
  .input(ZAcknowledgeReorgInput)
  .output(ZDepositDecisionOutput)
  .mutation(async ({ ctx, input }) => ({
    deposit: await acknowledgeReorgedDeposit(
      ctx.services,
      { staffId: ctx.actor.staffId, ip: ctx.ip },
      input,
    ),
  }));
