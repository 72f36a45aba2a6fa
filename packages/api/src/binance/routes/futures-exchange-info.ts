import { z } from "zod";
import type { BinanceRoute } from "../binance-route";

/**
 * `GET /fapi/v1/exchangeInfo` and `GET /dapi/v1/exchangeInfo`: Binance's USDⓈ-M and COIN-M
 * futures markets, of which this exchange lists none. ccxt's binance class asks for both while
 * loading markets and fails on an error, so each answers an empty market list. Weight 1.
 */
const ZFuturesExchangeInfo = z.object({
  timezone: z.literal("UTC"),
  serverTime: z.number().int(),
  rateLimits: z.array(z.never()),
  exchangeFilters: z.array(z.never()),
  assets: z.array(z.never()),
  symbols: z.array(z.never()),
});

export function futuresExchangeInfoRoutes(): BinanceRoute<z.infer<typeof ZFuturesExchangeInfo>>[] {
  return ["/fapi/v1/exchangeInfo", "/dapi/v1/exchangeInfo"].map((path) => ({
    method: "GET",
    path,
    summary:
      "Futures markets: none are listed here, so an empty list (ccxt asks while loading markets).",
    params: z.object({}),
    security: { kind: "public" },
    weight: () => 1,
    answer: ZFuturesExchangeInfo,
    handle: async ({ nowMs }) => ({
      timezone: "UTC",
      serverTime: nowMs,
      rateLimits: [],
      exchangeFilters: [],
      assets: [],
      symbols: [],
    }),
  }));
}
