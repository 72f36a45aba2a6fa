import { router } from "../../trpc";
import { depthProcedure } from "./depth";
import { klinesProcedure } from "./klines";
import { recentTradesProcedure } from "./recent-trades";
import { tickerProcedure } from "./ticker";
import { tickersProcedure } from "./tickers";

/** Public market data: no session needed. */
export const marketDataRouter = router({
  depth: depthProcedure,
  trades: recentTradesProcedure,
  ticker: tickerProcedure,
  tickers: tickersProcedure,
  klines: klinesProcedure,
});
