import { router } from "../../../trpc";
import { listPayoutRunsProcedure } from "./list-payout-runs";
import { runPayoutsProcedure } from "./run-payouts";

/** The payout runs, and running one for a day. */
export const savingsPayoutsAdminRouter = router({
  list: listPayoutRunsProcedure,
  run: runPayoutsProcedure,
});
