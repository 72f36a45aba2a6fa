import type { BinanceRoute } from "../binance-route";
import { aggTradesRoute } from "./agg-trades";
import { bookTickerRoute } from "./book-ticker";
import { depthRoute } from "./depth";
import { exchangeInfoRoute } from "./exchange-info";
import { futuresExchangeInfoRoutes } from "./futures-exchange-info";
import { klinesRoute } from "./klines";
import { pingRoute } from "./ping";
import { ticker24hrRoute } from "./ticker-24hr";
import { tickerPriceRoute } from "./ticker-price";
import { timeRoute } from "./time";
import { tradesRoute } from "./trades";

/** The public market-data routes (no key), in Binance's documentation order. */
export function publicBinanceRoutes(limits: { weightPerMinute: number }): BinanceRoute[] {
  return [
    pingRoute,
    timeRoute,
    exchangeInfoRoute(limits),
    depthRoute,
    tradesRoute,
    aggTradesRoute,
    klinesRoute,
    ticker24hrRoute,
    tickerPriceRoute,
    bookTickerRoute,
    ...futuresExchangeInfoRoutes(),
  ];
}
