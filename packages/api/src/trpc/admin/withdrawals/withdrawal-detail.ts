import { withdrawalDetail } from "@exchange/domains/wallet/withdrawal-approvals";
import { sectionProcedure } from "../../trpc";
import { ZWithdrawalDetailOutput, ZWithdrawalIdInput } from "./withdrawals.types";

/** One withdrawal with the user's KYC level, balances, ledger, history and the decisions so far. */
export const withdrawalDetailProcedure = sectionProcedure("withdrawals")
  .input(ZWithdrawalIdInput)
  .output(ZWithdrawalDetailOutput)
  .query(({ ctx, input }) => withdrawalDetail(ctx.services, input.id));
