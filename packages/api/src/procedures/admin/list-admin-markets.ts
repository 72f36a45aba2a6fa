import { listMarkets } from "../../services/markets";
import { sectionProcedure } from "../../trpc";
import { ZListMarketsOutput } from "../markets/list-markets.types";

/** Markets with their full configuration, for operations staff. */
export const listAdminMarketsProcedure = sectionProcedure("markets")
  .output(ZListMarketsOutput)
  .query(({ ctx }) => listMarkets(ctx.services.db));
