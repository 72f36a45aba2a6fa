import { router } from "../../../trpc";
import {
  acknowledgeReorgProcedure,
  clearDepositProcedure,
  refuseDepositProcedure,
} from "./deposit-decisions";
import { listFinanceDepositsProcedure } from "./list-deposits";

/** Deposits as finance reviews them: held and reorganised ones to clear, refuse or acknowledge. */
export const depositsAdminRouter = router({
  list: listFinanceDepositsProcedure,
  clear: clearDepositProcedure,
  refuse: refuseDepositProcedure,
  acknowledgeReorg: acknowledgeReorgProcedure,
});
