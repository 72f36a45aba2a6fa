import { z } from "zod";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import type { ZPublicTradeDto, ZRecentTradesInput } from "./market-data-contracts";
import { marketDataKeys, RECENT_TRADES_KEPT } from "./market-data-keys";
import { findMarketTrades } from "./market-data-repository";

type PublicTrade = z.output<typeof ZPublicTradeDto>;

/** A trade as the job stores it in the recent-trades list (the `<SYMBOL>@trades` message). */
const ZStoredTrade = z.object({
  tradeId: z.number().int(),
  price: z.string(),
  quantity: z.string(),
  side: z.enum(["buy", "sell"]),
  time: z.number().int(),
});

/**
 * A market's latest trades, newest first: from the job's list in Redis, or — for more than it
 * keeps — from the `trades` read model.
 */
export async function readRecentTrades(
  services: Services,
  input: z.output<typeof ZRecentTradesInput>,
): Promise<PublicTrade[]> {
  const market = await marketDirectory(services.db).get(input.symbol);
  if (input.limit > RECENT_TRADES_KEPT) {
    const rows = await findMarketTrades(services.db, input.symbol, input.limit);
    return rows.map((r) => ({
      tradeId: r.tradeId,
      price: market.units.price(r.priceTicks),
      quantity: market.units.quantity(r.qtyLots),
      side: r.takerSide === "buy" ? "buy" : "sell",
      time: r.executedAt,
    }));
  }
  const texts = await services.redis.lrange(
    marketDataKeys(services.redisPrefix).trades(input.symbol),
    0,
    input.limit - 1,
  );
  return texts.map((text) => {
    const trade = ZStoredTrade.parse(JSON.parse(text));
    return { ...trade, time: new Date(trade.time) };
  });
}
