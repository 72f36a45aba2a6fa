import { systemOverview } from "@exchange/domains/health/system-overview";
import { sectionProcedure } from "../../trpc";
import { ZSystemOverviewOutput } from "./system.types";

/** The System page: processes, consumer lags, the last reconciliation, alerts and figures. */
export const systemOverviewProcedure = sectionProcedure("system")
  .output(ZSystemOverviewOutput)
  .query(({ ctx }) => systemOverview(ctx.services));
