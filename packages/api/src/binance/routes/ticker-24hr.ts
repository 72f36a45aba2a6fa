import type { Ticker } from "@exchange/contracts/ticker";
import { readTicker } from "@exchange/domains/market-data/market-data-ticker";
import { readRecentTrades } from "@exchange/domains/market-data/market-data-trades";
import type { Services } from "@exchange/domains/services";
import { z } from "zod";
import { binanceDecimal, binanceRatio } from "../binance-decimal";
import { marketsOf } from "../binance-markets";
import { docParam } from "../binance-param-docs";
import { type RawQuery, symbolSelection } from "../binance-params";
import type { BinanceRoute } from "../binance-route";
import { namedSymbolCount, oneOrList, ZBinanceDecimal } from "../binance-wire";
import { bestPrices, ZBestPrices } from "./book-ticker";

const DAY_MS = 86_400_000;

export const ZBinanceTicker24hr = ZBestPrices.extend({
  symbol: z.string(),
  priceChange: ZBinanceDecimal,
  priceChangePercent: z.string(),
  weightedAvgPrice: ZBinanceDecimal,
  prevClosePrice: ZBinanceDecimal,
  lastPrice: ZBinanceDecimal,
  lastQty: ZBinanceDecimal,
  openPrice: ZBinanceDecimal,
  highPrice: ZBinanceDecimal,
  lowPrice: ZBinanceDecimal,
  volume: ZBinanceDecimal,
  quoteVolume: ZBinanceDecimal,
  openTime: z.number().int(),
  closeTime: z.number().int(),
  firstId: z.number().int(),
  lastId: z.number().int(),
  count: z.number().int(),
});
const ZTicker24hrAnswer = oneOrList(ZBinanceTicker24hr);

/** Binance's weights: one symbol 2; a list of 1–20 → 2, 21–100 → 40, more or all → 80. */
export function ticker24hrWeight(query: RawQuery): number {
  const count = namedSymbolCount(query);
  if (count === undefined || count > 100) return 80;
  return count <= 20 ? 2 : 40;
}

/**
 * `GET /api/v3/ticker/24hr`: rolling 24 h statistics of one market (an object), of `symbols`,
 * or of every market (a list), with the top of the book and the last trade.
 */
export const ticker24hrRoute: BinanceRoute<z.infer<typeof ZTicker24hrAnswer>> = {
  method: "GET",
  path: "/api/v3/ticker/24hr",
  summary: "Rolling 24-hour statistics for one market, a list or all.",
  params: z.object({ symbol: docParam.symbol.optional(), symbols: docParam.symbols.optional() }),
  security: { kind: "public" },
  weight: ticker24hrWeight,
  answer: ZTicker24hrAnswer,
  handle: async ({ services, nowMs }, query) => {
    const selection = symbolSelection(query);
    const markets = await marketsOf(services, selection);
    const rows = await Promise.all(
      markets.map(({ dto }) => binanceTicker(services, dto.symbol, nowMs)),
    );
    return selection.kind === "one" ? (rows[0] as (typeof rows)[number]) : rows;
  },
};

async function binanceTicker(services: Services, symbol: string, nowMs: number) {
  const [ticker, book, lastTrades] = await Promise.all([
    readTicker(services, symbol),
    bestPrices(services, symbol),
    readRecentTrades(services, { symbol, limit: 1 }),
  ]);
  const last = lastTrades[0];
  return {
    symbol,
    priceChange: binanceDecimal(ticker.change),
    priceChangePercent: ticker.changePercent ?? "0.00",
    weightedAvgPrice: binanceRatio(ticker.quoteVolume, ticker.volume),
    prevClosePrice: binanceDecimal(ticker.open),
    lastPrice: binanceDecimal(ticker.last),
    lastQty: binanceDecimal(last?.quantity ?? null),
    ...book,
    openPrice: binanceDecimal(ticker.open),
    highPrice: binanceDecimal(ticker.high),
    lowPrice: binanceDecimal(ticker.low),
    volume: binanceDecimal(ticker.volume),
    quoteVolume: binanceDecimal(ticker.quoteVolume),
    openTime: nowMs - DAY_MS,
    closeTime: nowMs,
    ...tradeIds(ticker, last?.tradeId),
    count: ticker.trades,
  };
}

/**
 * The window's first and last trade ids. Only the last trade's id is known here (trade ids are
 * shared by every market, so the first is not last − count + 1): the first is -1, Binance's
 * "none" value, and both are -1 before any trade.
 */
function tradeIds(ticker: Ticker, lastTradeId: number | undefined) {
  return { firstId: -1, lastId: ticker.trades > 0 && lastTradeId !== undefined ? lastTradeId : -1 };
}
