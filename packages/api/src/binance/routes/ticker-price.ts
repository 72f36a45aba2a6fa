import { readTicker } from "@exchange/domains/market-data/market-data-ticker";
import { z } from "zod";
import { binanceDecimal } from "../binance-decimal";
import { marketsOf } from "../binance-markets";
import { docParam } from "../binance-param-docs";
import { symbolSelection } from "../binance-params";
import type { BinanceRoute } from "../binance-route";
import { oneOrList, ZBinanceDecimal } from "../binance-wire";
import { smallTickerWeight } from "./book-ticker";

/**
 * `GET /api/v3/ticker/price`: the last trade's price of one market (an object), of `symbols`,
 * or of every market (a list); "0.00000000" before a market's first trade.
 */
export const ZBinancePrice = z.object({ symbol: z.string(), price: ZBinanceDecimal });
const ZPriceAnswer = oneOrList(ZBinancePrice);

export const tickerPriceRoute: BinanceRoute<z.infer<typeof ZPriceAnswer>> = {
  method: "GET",
  path: "/api/v3/ticker/price",
  summary: "The last price of one market, a list or all.",
  params: z.object({ symbol: docParam.symbol.optional(), symbols: docParam.symbols.optional() }),
  security: { kind: "public" },
  weight: smallTickerWeight,
  answer: ZPriceAnswer,
  handle: async ({ services }, query) => {
    const selection = symbolSelection(query);
    const markets = await marketsOf(services, selection);
    const rows = await Promise.all(
      markets.map(async ({ dto }) => {
        const ticker = await readTicker(services, dto.symbol);
        return { symbol: dto.symbol, price: binanceDecimal(ticker.last) };
      }),
    );
    return selection.kind === "one" ? (rows[0] as (typeof rows)[number]) : rows;
  },
};
