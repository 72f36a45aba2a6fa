import { marketDataKeys, RECENT_TRADES_KEPT } from "@exchange/contracts/market-data-keys";
import { encodePublicTrade, type PublicTradeWire, ZPublicTrade } from "@exchange/contracts/trade";
import type { z } from "zod";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import type { ZRecentTradesInput, ZTradesRangeInput } from "./market-data-contracts";
import { findMarketTrades, findMarketTradesInRange } from "./market-data-repository";

/**
 * A market's latest trades, newest first: from the job's list in Redis, or — for more than it
 * keeps — from the `trades` read model.
 */
export async function readRecentTrades(
  services: Services,
  input: z.output<typeof ZRecentTradesInput>,
): Promise<PublicTradeWire[]> {
  const market = await marketDirectory(services).get(input.symbol);
  if (input.limit > RECENT_TRADES_KEPT) {
    const rows = await findMarketTrades(services.db, input.symbol, input.limit);
    return rows.map((r) =>
      encodePublicTrade(
        {
          tradeId: r.tradeId,
          priceTicks: r.priceTicks,
          qtyLots: r.qtyLots,
          takerSide: r.takerSide === "buy" ? "buy" : "sell",
          ts: r.executedAt,
        },
        market.units,
      ),
    );
  }
  const texts = await services.redis.lrange(
    marketDataKeys(services.redisPrefix).trades(input.symbol),
    0,
    input.limit - 1,
  );
  // The list holds the `<SYMBOL>@trades` messages as published.
  return texts.map((text) => ZPublicTrade.parse(JSON.parse(text)));
}

/**
 * A market's trades from an id, or within a time range, oldest first, from the `trades` read
 * model (so a trade shows here once the projector has written it).
 */
export async function readTradesInRange(
  services: Services,
  input: z.output<typeof ZTradesRangeInput>,
): Promise<PublicTradeWire[]> {
  const market = await marketDirectory(services).get(input.symbol);
  const rows = await findMarketTradesInRange(services.db, {
    symbol: input.symbol,
    fromId: input.fromId,
    from: input.startTime,
    to: input.endTime,
    limit: input.limit,
  });
  return rows.map((r) =>
    encodePublicTrade(
      {
        tradeId: r.tradeId,
        priceTicks: r.priceTicks,
        qtyLots: r.qtyLots,
        takerSide: r.takerSide === "buy" ? "buy" : "sell",
        ts: r.executedAt,
      },
      market.units,
    ),
  );
}
