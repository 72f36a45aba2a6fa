import { rejectWithdrawal } from "@exchange/domains/wallet/withdrawal-approvals";
import { financeProcedure } from "../finance/finance-procedure";
import { ZRejectWithdrawalInput, ZRejectWithdrawalOutput } from "./withdrawals.types";

/** Rejects a waiting withdrawal with a reason the user sees; the funds return to the user. */
export const rejectWithdrawalProcedure = financeProcedure
  .input(ZRejectWithdrawalInput)
  .output(ZRejectWithdrawalOutput)
  .mutation(({ ctx, input }) =>
    rejectWithdrawal(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );
