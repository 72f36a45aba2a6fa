import { z } from "zod";
import type { BinanceRoute } from "../binance-route";

/**
 * `GET /sapi/v1/margin/allPairs`: Binance's cross-margin pairs. We have no margin trading, so
 * the list is empty; ccxt's binance class reads it while loading markets. Weight 1; READ.
 */
export const marginAllPairsRoute: BinanceRoute<never[]> = {
  method: "GET",
  path: "/sapi/v1/margin/allPairs",
  security: { kind: "signed", permission: "read" },
  weight: () => 1,
  answer: z.array(z.never()),
  handle: async () => [],
};
