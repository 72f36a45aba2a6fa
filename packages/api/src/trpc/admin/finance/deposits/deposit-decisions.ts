import {
  ZAcknowledgeReorgInput,
  ZClearDepositInput,
  ZDepositDecisionOutput,
  ZRefuseDepositInput,
} from "@exchange/domains/wallet/deposit-contracts";
import {
  acknowledgeReorgedDeposit,
  clearDeposit,
  refuseDeposit,
} from "@exchange/domains/wallet/deposits";
import { sectionProcedure } from "../../../trpc";

/** Clears a held deposit: credited now if it has its confirmations, else when it reaches them. */
export const clearDepositProcedure = sectionProcedure("deposits")
  .input(ZClearDepositInput)
  .output(ZDepositDecisionOutput)
  .mutation(async ({ ctx, input }) => ({
    deposit: await clearDeposit(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  }));

/** Refuses a held deposit with a reason: never credited. */
export const refuseDepositProcedure = sectionProcedure("deposits")
  .input(ZRefuseDepositInput)
  .output(ZDepositDecisionOutput)
  .mutation(async ({ ctx, input }) => ({
    deposit: await refuseDeposit(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  }));

/** Records finance's handling of a credited deposit whose block was reorganised away. */
export const acknowledgeReorgProcedure = sectionProcedure("deposits")
  .input(ZAcknowledgeReorgInput)
  .output(ZDepositDecisionOutput)
  .mutation(async ({ ctx, input }) => ({
    deposit: await acknowledgeReorgedDeposit(
      ctx.services,
      { staffId: ctx.actor.staffId, ip: ctx.ip },
      input,
    ),
  }));
