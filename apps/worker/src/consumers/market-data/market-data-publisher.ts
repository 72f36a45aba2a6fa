import { channels } from "@exchange/contracts/channels";
import {
  DEPTH_SEQ_FIELD,
  levelField,
  levelValue,
  RECENT_TRADES_KEPT,
} from "@exchange/contracts/market-data-keys";
import type { Logger } from "@exchange/protocol";
import type { Redis } from "ioredis";
import type { Candle } from "./candles";
import type { DepthBook } from "./depth-book";
import type { MarketDataKeys } from "./market-data-keys";
import type { MarketDataBatch } from "./market-data-state";
import type { MarketScales } from "./market-scales";
import {
  balanceMessage,
  depthDiffMessage,
  fillMessage,
  klineMessage,
  orderMessage,
  tradeMessage,
} from "./messages";

/**
 * Applies a diff to the depth snapshot and publishes it, atomically, only if the snapshot is at
 * the sequence the diff follows: then a reader sees either the snapshot before the diff or the
 * snapshot after it together with the diff on the channel — never one without the other. A
 * snapshot that is missing (Redis restarted) or elsewhere answers 0 and is rewritten whole.
 * KEYS[1] depth hash; ARGV: expected seq, new seq, channel, message, then field/value pairs
 * (an empty value deletes the level).
 */
const DEPTH_DIFF_SCRIPT = `
if redis.call('HGET', KEYS[1], '${DEPTH_SEQ_FIELD}') ~= ARGV[1] then return 0 end
for i = 5, #ARGV, 2 do
  if ARGV[i + 1] == '' then redis.call('HDEL', KEYS[1], ARGV[i])
  else redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
redis.call('HSET', KEYS[1], '${DEPTH_SEQ_FIELD}', ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1`;

type DepthRedis = Redis & {
  applyDepthDiff(key: string, ...args: Array<string | number>): Promise<number>;
};

/** Writes market data to Redis and publishes it to the gateways' channels. */
export class MarketDataPublisher {
  private readonly redis: DepthRedis;

  constructor(
    redis: Redis,
    private readonly keys: MarketDataKeys,
    private readonly log: Logger,
  ) {
    redis.defineCommand("applyDepthDiff", { numberOfKeys: 1, lua: DEPTH_DIFF_SCRIPT });
    this.redis = redis as DepthRedis;
  }

  /**
   * One pipeline (one round trip) for what a batch publishes straight from the engine's events,
   * in the order a client would expect: book, trades, then each user's orders, balances and
   * fills.
   */
  async publishBatch(
    batch: MarketDataBatch,
    scales: MarketScales,
    books: ReadonlyMap<string, DepthBook>,
  ): Promise<void> {
    const { keys } = this;
    const pipeline = this.redis.pipeline();
    // A market added in this batch starts from an empty book at sequence 0: its first diff
    // follows on from that.
    for (const symbol of batch.addedMarkets) {
      if (!scales.units(symbol)) continue;
      pipeline.del(keys.depth(symbol));
      pipeline.hset(keys.depth(symbol), DEPTH_SEQ_FIELD, "0");
    }
    const depthStart = batch.addedMarkets.filter((s) => scales.units(s)).length * 2;
    const depthCalls: string[] = [];
    for (const diff of batch.depth) {
      const units = scales.units(diff.symbol);
      if (!units) continue;
      const args: string[] = [];
      for (const [side, levels] of [
        ["buy", diff.bids],
        ["sell", diff.asks],
      ] as const) {
        for (const [price, qty] of levels)
          args.push(levelField(side, price), qty === 0n ? "" : levelValue(price, qty, units));
      }
      (pipeline as unknown as DepthRedis).applyDepthDiff(
        keys.depth(diff.symbol),
        String(diff.firstSeq - 1),
        String(diff.lastSeq),
        keys.channel(channels.depth(diff.symbol)),
        depthDiffMessage(diff, units),
        ...args,
      );
      depthCalls.push(diff.symbol);
    }
    const tradeSymbols = new Set<string>();
    for (const trade of batch.trades) {
      const units = scales.units(trade.symbol);
      if (!units) continue;
      const message = tradeMessage(trade, units);
      pipeline.lpush(keys.trades(trade.symbol), message);
      pipeline.publish(keys.channel(channels.trades(trade.symbol)), message);
      tradeSymbols.add(trade.symbol);
    }
    for (const symbol of tradeSymbols)
      pipeline.ltrim(keys.trades(symbol), 0, RECENT_TRADES_KEPT - 1);
    for (const order of batch.orders) {
      const units = scales.units(order.symbol);
      if (units)
        pipeline.publish(
          keys.channel(channels.user(order.userId, "order")),
          orderMessage(order, units),
        );
    }
    for (const balance of batch.balances) {
      const message = balanceMessage(balance, scales);
      if (message)
        pipeline.publish(keys.channel(channels.user(balance.userId, "balance")), message);
    }
    for (const fill of batch.fills) {
      const units = scales.units(fill.symbol);
      if (units)
        pipeline.publish(
          keys.channel(channels.user(fill.userId, "account")),
          fillMessage(fill, units),
        );
    }
    const results = (await pipeline.exec()) ?? [];
    for (const [error] of results) if (error) throw error;

    // Snapshots that were not where the diff expected them are rewritten from the job's book,
    // with the diff published alongside: clients holding the old sequence continue unharmed.
    for (let i = 0; i < depthCalls.length; i++) {
      if (results[depthStart + i]?.[1] === 1) continue;
      const symbol = depthCalls[i] as string;
      const book = books.get(symbol);
      const diff = batch.depth.find((d) => d.symbol === symbol);
      const units = scales.units(symbol);
      if (!book || !diff || !units) continue;
      this.log.warn("depth snapshot out of step; rewriting it", { symbol, seq: book.seq });
      await this.writeDepthSnapshot(book, scales, depthDiffMessage(diff, units));
    }
  }

  /** Publishes candles as stored (merged with the batches before), one pipeline. */
  async publishCandles(candles: readonly Candle[], scales: MarketScales): Promise<void> {
    if (candles.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const candle of candles) {
      const units = scales.units(candle.symbol);
      if (units)
        pipeline.publish(
          this.keys.channel(channels.kline(candle.symbol, candle.interval)),
          klineMessage(candle, units),
        );
    }
    await pipeline.exec();
  }

  /** Replaces a market's depth snapshot with the book (and publishes `diffMessage`), atomically. */
  async writeDepthSnapshot(
    book: DepthBook,
    scales: MarketScales,
    diffMessage?: string,
  ): Promise<void> {
    const units = scales.units(book.symbol);
    if (!units) {
      this.log.error("no scale for market; its depth is not published", { symbol: book.symbol });
      return;
    }
    const fields: string[] = [DEPTH_SEQ_FIELD, String(book.seq)];
    for (const side of ["buy", "sell"] as const) {
      for (const [price, qty] of book.sorted(side))
        fields.push(levelField(side, price), levelValue(price, qty, units));
    }
    const key = this.keys.depth(book.symbol);
    const multi = this.redis
      .multi()
      .del(key)
      .hset(key, ...fields);
    if (diffMessage) multi.publish(this.keys.channel(channels.depth(book.symbol)), diffMessage);
    await multi.exec();
  }

  /** Stores and publishes a ticker (the gateway sends the stored one to new subscribers). */
  async publishTicker(symbol: string, message: string): Promise<void> {
    await this.redis
      .multi()
      .set(this.keys.ticker(symbol), message)
      .publish(this.keys.channel(channels.ticker(symbol)), message)
      .exec();
  }

  /** Replaces a market's recent-trades list (messages newest first). */
  async replaceRecentTrades(symbol: string, messages: readonly string[]): Promise<void> {
    const key = this.keys.trades(symbol);
    const multi = this.redis.multi().del(key);
    if (messages.length > 0) multi.rpush(key, ...messages.slice(0, RECENT_TRADES_KEPT));
    await multi.exec();
  }

  /** Marks the data as complete; see `isAlive`. */
  async markAlive(): Promise<void> {
    await this.redis.set(this.keys.alive, String(Date.now()));
  }

  /** False once Redis has lost the data (a restart; it keeps nothing on disk here). */
  async isAlive(): Promise<boolean> {
    return (await this.redis.exists(this.keys.alive)) === 1;
  }
}
