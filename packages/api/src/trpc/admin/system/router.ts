import { router } from "../../trpc";
import { acknowledgeAlertProcedure } from "./acknowledge-alert";
import { resolveAlertProcedure } from "./resolve-alert";
import { systemOverviewProcedure } from "./system-overview";

/** Operations' System page (packages/domains/src/health/system-overview.ts, alerts/). */
export const systemAdminRouter = router({
  overview: systemOverviewProcedure,
  alerts: router({
    acknowledge: acknowledgeAlertProcedure,
    resolve: resolveAlertProcedure,
  }),
});
