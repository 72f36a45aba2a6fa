import { registerProcedure } from "../procedures/auth/register";
import { healthProcedure } from "../procedures/health";
import { myKycStatusProcedure } from "../procedures/kyc/my-kyc-status";
import { marketDataRouter } from "../procedures/market-data/router";
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
  kyc: router({ status: myKycStatusProcedure }),
  trading: tradingRouter,
  marketData: marketDataRouter,
});

export type TraderRouter = typeof traderRouter;
