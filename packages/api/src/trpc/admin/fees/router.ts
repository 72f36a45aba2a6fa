import { router } from "../../trpc";
import { clearFeeOverrideProcedure } from "./clear-fee-override";
import { feeIncomeProcedure } from "./fee-income";
import { feeScheduleProcedure } from "./fee-schedule";
import { listUserFeeTiersProcedure } from "./list-user-fee-tiers";
import { setFeeOverrideProcedure } from "./set-fee-override";
import { setFeeTierProcedure } from "./set-fee-tier";

/** Operations' fee schedule and overrides, and the fee-income report (domains/src/fees). */
export const feesAdminRouter = router({
  schedule: feeScheduleProcedure,
  setTier: setFeeTierProcedure,
  users: listUserFeeTiersProcedure,
  setOverride: setFeeOverrideProcedure,
  clearOverride: clearFeeOverrideProcedure,
  income: feeIncomeProcedure,
});
