import { SnapshotStore } from "@exchange/journal";
import type { ConsumerDefinition } from "../consumer-definition";
import { MARKET_DATA_OFFSET } from "./kline-store";
import { MarketDataJob } from "./market-data-job";

/** Books, trades, tickers and candles for the stream; candles stored with its offset. */
export const marketDataConsumer: ConsumerDefinition = {
  name: "market-data",
  offset: { table: "projector_offsets", name: MARKET_DATA_OFFSET },
  build: (context) =>
    new MarketDataJob({
      pool: context.pool,
      // A Redis connection of its own: each consumer blocks on its connection reading engine.events.
      redis: context.newRedis(),
      keys: context.keys,
      prefix: context.env.REDIS_PREFIX,
      journal: context.journal,
      // Read only (the engine writes snapshots); `kept` matters only to writers.
      snapshots: new SnapshotStore(context.pool, Number.MAX_SAFE_INTEGER),
      log: context.log,
      tickerIntervalMs: context.env.MARKET_DATA_TICKER_MS,
    }),
};
