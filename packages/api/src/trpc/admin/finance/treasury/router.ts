import { router } from "../../../trpc";
import { getTreasuryOverviewProcedure } from "./get-treasury-overview";
import { listOpenWalletAlertsProcedure } from "./list-open-alerts";

/** The hot wallet: balances against their lines, sweeps, and open alerts. */
export const treasuryAdminRouter = router({
  overview: getTreasuryOverviewProcedure,
  openAlerts: listOpenWalletAlertsProcedure,
});
