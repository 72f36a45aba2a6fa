import { approveWithdrawal } from "@exchange/domains/wallet/withdrawal-approvals";
import { financeProcedure } from "../finance/finance-procedure";
import { ZApproveWithdrawalOutput, ZWithdrawalIdInput } from "./withdrawals.types";

/** One finance approval; the last one required sends the withdrawal to the signer. */
export const approveWithdrawalProcedure = financeProcedure
  .input(ZWithdrawalIdInput)
  .output(ZApproveWithdrawalOutput)
  .mutation(({ ctx, input }) =>
    approveWithdrawal(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input.id),
  );
