import { treasuryOverview } from "@exchange/domains/wallet/treasury";
import { sectionProcedure } from "../../../trpc";
import { ZTreasuryOverviewInput, ZTreasuryOverviewOutput } from "./treasury.types";

/** The hot wallet's balances against their lines, recent sweeps and alerts: finance's page. */
export const getTreasuryOverviewProcedure = sectionProcedure("treasury")
  .input(ZTreasuryOverviewInput)
  .output(ZTreasuryOverviewOutput)
  .query(({ ctx, input }) => treasuryOverview(ctx.services, input));
