import { z } from "zod";
import type { BinanceRoute } from "../binance-route";

/** A margin pair list that is always empty: we have no margin trading. Weight 1; READ. */
function noMarginPairs(path: string): BinanceRoute<never[]> {
  return {
    method: "GET",
    path,
    security: { kind: "signed", permission: "read" },
    weight: () => 1,
    answer: z.array(z.never()),
    handle: async () => [],
  };
}

/**
 * `GET /sapi/v1/margin/allPairs` and `GET /sapi/v1/margin/isolated/allPairs`: Binance's cross
 * and isolated margin pairs. ccxt's binance class reads both while loading markets with a key.
 */
export const marginAllPairsRoute = noMarginPairs("/sapi/v1/margin/allPairs");
export const isolatedMarginAllPairsRoute = noMarginPairs("/sapi/v1/margin/isolated/allPairs");
