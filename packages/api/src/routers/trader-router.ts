import { registerProcedure } from "../procedures/auth/register";
import { healthProcedure } from "../procedures/health";
import { listMarketsProcedure } from "../procedures/markets/list-markets";
import { meProcedure } from "../procedures/me";
import { tradingRouter } from "../procedures/trading/router";
import { router } from "../trpc";

/** The API the trading web app serves to browsers. */
export const traderRouter = router({
  health: healthProcedure,
  me: meProcedure,
  auth: router({ register: registerProcedure }),
  markets: router({ list: listMarketsProcedure }),
  trading: tradingRouter,
});

export type TraderRouter = typeof traderRouter;
