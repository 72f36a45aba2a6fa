import type { BinanceRoute } from "../binance-route";
import { accountRoute } from "./account";
import { aggTradesRoute } from "./agg-trades";
import { allOrdersRoute } from "./all-orders";
import { bookTickerRoute } from "./book-ticker";
import { cancelOrderRoute } from "./cancel-order";
import { amendKeepPriorityRoute, cancelReplaceRoute } from "./cancel-replace";
import { capitalConfigRoute } from "./capital-config";
import { depthRoute } from "./depth";
import { exchangeInfoRoute } from "./exchange-info";
import { futuresExchangeInfoRoutes } from "./futures-exchange-info";
import { klinesRoute } from "./klines";
import { isolatedMarginAllPairsRoute, marginAllPairsRoute } from "./margin-all-pairs";
import { myTradesRoute } from "./my-trades";
import { newOrderRoute, testOrderRoute } from "./new-order";
import { ocoOrderRoute, orderListOcoRoute } from "./oco-order";
import { cancelOpenOrdersRoute, openOrdersRoute } from "./open-orders";
import { pingRoute } from "./ping";
import { queryOrderRoute } from "./query-order";
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

/** The signed routes (an API key and signature each), in Binance's documentation order. */
export function signedBinanceRoutes(): BinanceRoute[] {
  return [
    testOrderRoute,
    newOrderRoute,
    queryOrderRoute,
    cancelOrderRoute,
    cancelReplaceRoute,
    amendKeepPriorityRoute,
    openOrdersRoute,
    cancelOpenOrdersRoute,
    ocoOrderRoute,
    orderListOcoRoute,
    allOrdersRoute,
    accountRoute,
    myTradesRoute,
    capitalConfigRoute,
    marginAllPairsRoute,
    isolatedMarginAllPairsRoute,
  ] as BinanceRoute[];
}
