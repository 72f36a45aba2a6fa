import {
  ASK_FIELD_PREFIX,
  BID_FIELD_PREFIX,
  marketDataKeys,
} from "@exchange/contracts/market-data-keys";
import { parseUnits } from "@exchange/contracts/money";
import { ZPublicTrade } from "@exchange/contracts/trade";
import type { Redis } from "ioredis";
import type { IndexPair, IndexSource, MarketQuote } from "./index-price";

/**
 * Our own spot market as a source of the index: the best bid and ask from the depth snapshot and
 * the last trade from the recent-trades list, as the worker's market-data consumer keeps them in
 * Redis (packages/contracts market-data-keys.ts). The level fields carry the price in ticks
 * (fixed width, so sorting them sorts the prices): a tick times the market's tick size is quote
 * atoms per whole unit. The last trade's decimal price, times 10^quote precision, is the same.
 */
export function exchangeIndexSource(redis: Redis, redisPrefix: string): IndexSource {
  const keys = marketDataKeys(redisPrefix);
  return {
    name: "exchange",
    async quote(pair: IndexPair): Promise<MarketQuote | null> {
      const [fieldsReply, lastReply] =
        (await redis
          .multi()
          .hkeys(keys.depth(pair.symbol))
          .lindex(keys.trades(pair.symbol), 0)
          .exec()) ?? [];
      const fields = (fieldsReply?.[1] as string[] | undefined) ?? [];
      const last = (lastReply?.[1] as string | null | undefined) ?? null;
      if (fields.length === 0 && last === null) return null;
      const bid = bestTicks(fields, BID_FIELD_PREFIX, "highest");
      const ask = bestTicks(fields, ASK_FIELD_PREFIX, "lowest");
      return {
        bestBidAtoms: bid === null ? null : bid * pair.tickSizeAtoms,
        bestAskAtoms: ask === null ? null : ask * pair.tickSizeAtoms,
        lastTradeAtoms: last === null ? null : lastTradePrice(last, pair.quotePrecision),
      };
    },
  };
}

/** The best level's ticks among the depth hash's fields of one side; null for an empty side. */
function bestTicks(
  fields: readonly string[],
  prefix: string,
  best: "highest" | "lowest",
): bigint | null {
  let chosen: string | undefined;
  for (const field of fields) {
    if (!field.startsWith(prefix)) continue;
    // Same width: text order is price order.
    if (chosen === undefined || (best === "highest" ? field > chosen : field < chosen))
      chosen = field;
  }
  return chosen === undefined ? null : BigInt(chosen.slice(prefix.length));
}

/** A stored public trade's price in quote atoms per whole unit; null when unreadable. */
function lastTradePrice(message: string, quotePrecision: number): bigint | null {
  const trade = ZPublicTrade.safeParse(JSON.parse(message));
  return trade.success ? parseUnits(trade.data.price, quotePrecision) : null;
}
