import { listWithdrawalQueue } from "@exchange/domains/wallet/withdrawal-approvals";
import { sectionProcedure } from "../../trpc";
import { ZWithdrawalQueueInput, ZWithdrawalQueueOutput } from "./withdrawals.types";

/** The finance queue: filters by status, asset, amount range and age; oldest first. */
export const withdrawalQueueProcedure = sectionProcedure("withdrawals")
  .input(ZWithdrawalQueueInput)
  .output(ZWithdrawalQueueOutput)
  .query(({ ctx, input }) => listWithdrawalQueue(ctx.services, input));
