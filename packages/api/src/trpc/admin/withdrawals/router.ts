import { router } from "../../trpc";
import { approveWithdrawalProcedure } from "./approve-withdrawal";
import { rejectWithdrawalProcedure } from "./reject-withdrawal";
import { withdrawalDetailProcedure } from "./withdrawal-detail";
import { withdrawalQueueProcedure } from "./withdrawal-queue";

/** Finance's withdrawal work: the queue, a withdrawal's detail, approve and reject. */
export const withdrawalsAdminRouter = router({
  queue: withdrawalQueueProcedure,
  detail: withdrawalDetailProcedure,
  approve: approveWithdrawalProcedure,
  reject: rejectWithdrawalProcedure,
});
