import { router } from "../../../trpc";
import { acknowledgeReorgProcedure } from "./acknowledge-reorg";
import { clearDepositProcedure } from "./clear-deposit";
import { listFinanceDepositsProcedure } from "./list-deposits";
import { refuseDepositProcedure } from "./refuse-deposit";

/** Deposits as finance reviews them: held and reorganised ones to clear, refuse or acknowledge. */
export const depositsAdminRouter = router({
  list: listFinanceDepositsProcedure,
  clear: clearDepositProcedure,
  refuse: refuseDepositProcedure,
  acknowledgeReorg: acknowledgeReorgProcedure,
});
