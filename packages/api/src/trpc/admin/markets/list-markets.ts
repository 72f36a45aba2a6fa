import { ZListMarketsOutput } from "@exchange/domains/markets/market-contracts";
import { listMarkets } from "@exchange/domains/markets/markets";
import { sectionProcedure } from "../../trpc";

/** Markets with their full configuration, for operations staff. */
export const listAdminMarketsProcedure = sectionProcedure("markets")
  .output(ZListMarketsOutput)
  .query(({ ctx }) => listMarkets(ctx.services));
