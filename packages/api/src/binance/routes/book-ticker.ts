import { AppError, AppErrorCode } from "@exchange/domains/errors";
import { readDepth } from "@exchange/domains/market-data/market-data-depth";
import type { Services } from "@exchange/domains/services";
import { z } from "zod";
import { binanceDecimal } from "../binance-decimal";
import { marketsOf } from "../binance-markets";
import { docParam } from "../binance-param-docs";
import { type RawQuery, symbolSelection } from "../binance-params";
import type { BinanceRoute } from "../binance-route";
import { namedSymbolCount, oneOrList, ZBinanceDecimal } from "../binance-wire";

/** Best bid and ask of a market, in Binance's form; zeros for an empty side. */
export const ZBestPrices = z.object({
  bidPrice: ZBinanceDecimal,
  bidQty: ZBinanceDecimal,
  askPrice: ZBinanceDecimal,
  askQty: ZBinanceDecimal,
});
export type BestPrices = z.infer<typeof ZBestPrices>;

export const ZBinanceBookTicker = ZBestPrices.extend({ symbol: z.string() });
const ZBookTickerAnswer = oneOrList(ZBinanceBookTicker);

/**
 * The top of a market's book from the market-data snapshot. A market whose snapshot is not
 * written yet (market data starting) shows an empty book rather than failing a whole list.
 */
export async function bestPrices(services: Services, symbol: string): Promise<BestPrices> {
  const depth = await readDepth(services, { symbol, limit: 1 }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === AppErrorCode.ENGINE_UNAVAILABLE) return null;
    throw error;
  });
  const [bidPrice = null, bidQty = null] = depth?.bids[0] ?? [];
  const [askPrice = null, askQty = null] = depth?.asks[0] ?? [];
  return {
    bidPrice: binanceDecimal(bidPrice),
    bidQty: binanceDecimal(bidQty),
    askPrice: binanceDecimal(askPrice),
    askQty: binanceDecimal(askQty),
  };
}

/** Binance's weights of the price and book tickers: 2 for one symbol, 4 for several or all. */
export function smallTickerWeight(query: RawQuery): number {
  return query.symbols === undefined && namedSymbolCount(query) === 1 ? 2 : 4;
}

/**
 * `GET /api/v3/ticker/bookTicker`: best bid and ask of one market (an object), of `symbols`,
 * or of every market (a list).
 */
export const bookTickerRoute: BinanceRoute<z.infer<typeof ZBookTickerAnswer>> = {
  method: "GET",
  path: "/api/v3/ticker/bookTicker",
  summary: "Best bid and ask with their quantities, for one market, a list or all.",
  params: z.object({ symbol: docParam.symbol.optional(), symbols: docParam.symbols.optional() }),
  security: { kind: "public" },
  weight: smallTickerWeight,
  answer: ZBookTickerAnswer,
  handle: async ({ services }, query) => {
    const selection = symbolSelection(query);
    const markets = await marketsOf(services, selection);
    const rows = await Promise.all(
      markets.map(async ({ dto }) => ({
        symbol: dto.symbol,
        ...(await bestPrices(services, dto.symbol)),
      })),
    );
    return selection.kind === "one" ? (rows[0] as (typeof rows)[number]) : rows;
  },
};
