import type { Level } from "@exchange/contracts/depth";
import { readDepth } from "@exchange/domains/market-data/market-data-depth";
import { z } from "zod";
import { binanceDecimal } from "../binance-decimal";
import { marketOf } from "../binance-markets";
import { docParam } from "../binance-param-docs";
import { limitParam, type RawQuery, requiredSymbol } from "../binance-params";
import { type BinanceRoute, lenientLimit } from "../binance-route";
import { ZBinanceDecimal } from "../binance-wire";

const DEFAULT_LIMIT = 100;

const ZLevel = z.tuple([ZBinanceDecimal, ZBinanceDecimal]);
export const ZBinanceDepth = z.object({
  lastUpdateId: z.number().int(),
  bids: z.array(ZLevel),
  asks: z.array(ZLevel),
});

/** Binance's depth weights by limit: 1–100 → 5, 101–500 → 25, 501–1000 → 50, above → 250. */
export function depthWeight(query: RawQuery): number {
  const limit = lenientLimit(query, DEFAULT_LIMIT);
  if (limit <= 100) return 5;
  if (limit <= 500) return 25;
  if (limit <= 1_000) return 50;
  return 250;
}

/**
 * `GET /api/v3/depth`: the order book's best `limit` levels a side (default 100, at most 5000;
 * more is cut to 5000 as Binance does). `lastUpdateId` is the market's book sequence of the
 * snapshot the market-data job keeps in Redis: it rises by one per change of the book, and the
 * `<symbol>@depth` diffs carry the same numbers as their first and last sequence.
 */
export const depthRoute: BinanceRoute<z.infer<typeof ZBinanceDepth>> = {
  method: "GET",
  path: "/api/v3/depth",
  summary:
    "The order book's best levels a side, with the lastUpdateId the depth stream's diffs continue from.",
  params: z.object({ symbol: docParam.symbol, limit: docParam.limit(100, 5_000) }),
  security: { kind: "public" },
  weight: depthWeight,
  answer: ZBinanceDepth,
  handle: async ({ services }, query) => {
    const symbol = requiredSymbol(query);
    const limit = limitParam(query, {
      fallback: DEFAULT_LIMIT,
      min: 1,
      max: 5_000,
      truncateAboveMax: true,
    });
    await marketOf(services, symbol);
    const depth = await readDepth(services, { symbol, limit });
    return { lastUpdateId: depth.seq, bids: levels(depth.bids), asks: levels(depth.asks) };
  },
};

function levels(side: Level[]): [string, string][] {
  return side.map(([price, quantity]) => [binanceDecimal(price), binanceDecimal(quantity)]);
}
