import type { BinanceRoute } from "../binance-route";

/**
 * `GET /fapi/v1/exchangeInfo` and `GET /dapi/v1/exchangeInfo`: Binance's USDⓈ-M and COIN-M
 * futures markets, of which this exchange lists none. ccxt's binance class asks for both while
 * loading markets and fails on an error, so each answers an empty market list. Weight 1.
 */
export function futuresExchangeInfoRoutes(): BinanceRoute[] {
  return ["/fapi/v1/exchangeInfo", "/dapi/v1/exchangeInfo"].map((path) => ({
    method: "GET",
    path,
    security: { kind: "public" },
    weight: () => 1,
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
