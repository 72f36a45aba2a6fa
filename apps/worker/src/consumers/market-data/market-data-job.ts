import type { TickerFacts } from "@exchange/contracts/ticker";
import type { Journal, SnapshotStore } from "@exchange/journal";
import type { BusKeys, Logger } from "@exchange/protocol";
import type { Redis } from "ioredis";
import type pg from "pg";
import type { Consumer, EntryRange } from "../consumer";
import { OutcomeSource } from "../projector/outcome-source";
import { type Candle, foldTrades } from "./candles";
import { storeCandles } from "./kline-store";
import { type MarketDataKeys, marketDataKeys } from "./market-data-keys";
import { MarketDataPublisher } from "./market-data-publisher";
import type { MarketDataState } from "./market-data-state";
import { MarketScales } from "./market-scales";
import { tickerMessage, tradeMessage } from "./messages";
import { loadRecentTrades, type RecentTrade, recoverMarketData } from "./recover-market-data";
import type { RollingTicker } from "./rolling-ticker";

/**
 * Batches whose candles may still be on their way to Postgres while later batches are
 * published; past this the job waits for the stores (back-pressure under a flood).
 */
const STORES_IN_FLIGHT_MAX = 4;
/** How often the job checks that Redis still holds its data. */
const ALIVE_CHECK_MS = 2_000;
/** Least time between two reloads of the market scales for a market the job cannot format. */
const SCALES_RELOAD_MS = 5_000;

export interface MarketDataJobDeps {
  pool: pg.Pool;
  /** A connection of its own: the job blocks on it reading engine.events. */
  redis: Redis;
  keys: BusKeys;
  /** The deployment's Redis prefix (market-data keys and gateway channels live under it). */
  prefix: string;
  journal: Journal;
  snapshots: SnapshotStore;
  log: Logger;
  /** Least time between two tickers of one market. */
  tickerIntervalMs: number;
  now?: () => number;
}

/**
 * Market data from the engine's outcomes: depth snapshot and diffs, trades, 24 h tickers and
 * candles in Postgres, and every user's order, balance and fill pushes. Each batch: fold
 * (pure); publish the book, trades and pushes (one pipeline); and queue the store of its
 * candles with the offset (one statement), then the publish of the merged candles. The next
 * batch does not wait for that store: a commit takes milliseconds, and a book change that
 * follows another (a taker lifting the order a maker just rested) would otherwise wait for the
 * first one's commit before reaching any screen. Stores run one at a time, in batch order; at
 * most STORES_IN_FLIGHT_MAX batches are ahead of them. The offset in Postgres is the truth: a
 * restart rebuilds the book from the engine's journal at that offset and goes on from there.
 * A crash with stores in flight, or between a store and a publish, either repeats pushes —
 * each carries its key (book sequence, trade id, order state), so clients drop what they
 * hold — or loses them, and a depth client then sees a gap in the sequence numbers. Never a
 * candle twice or a candle missing.
 */
export class MarketDataJob implements Consumer {
  readonly name = "market-data";
  readonly boundedSteps = true;
  /** Most outcomes folded into one batch. */
  readonly batchMax = 2_000;
  private stopping = false;
  private source: OutcomeSource | undefined;
  private entries: EntryRange | undefined;
  private ready = false;
  /** The last seq whose candles and offset are stored. */
  private offset = 0;
  /** The last seq folded into the books and published (ahead of `offset` while stores run). */
  private appliedSeq = 0;
  /** The candle stores queued, in batch order; never rejects (a failure lands in storeFailure). */
  private storing: Promise<void> = Promise.resolve();
  private storesInFlight = 0;
  private storeFailure: unknown;
  /** The entries of the batch whose store failed: the failure is theirs, not the next step's. */
  private failedEntries: EntryRange | undefined;
  private state: MarketDataState | undefined;
  private ticker: RollingTicker | undefined;
  private scales: MarketScales | undefined;
  private scalesLoadedAt = 0;
  private lastAliveCheck = 0;
  private readonly mdKeys: MarketDataKeys;
  private readonly publisher: MarketDataPublisher;
  private readonly tickers = new Map<
    string,
    { publishedAt: number; minute: number; factsKey: string }
  >();
  private readonly dirtyTickers = new Set<string>();
  private readonly now: () => number;

  constructor(private readonly deps: MarketDataJobDeps) {
    this.mdKeys = marketDataKeys(deps.prefix);
    this.publisher = new MarketDataPublisher(deps.redis, this.mdKeys, deps.log);
    this.now = deps.now ?? Date.now;
  }

  /** True once recovered and Redis holds a full set of market data. */
  get started(): boolean {
    return this.ready;
  }

  /** The last journal seq whose market data is stored and published. */
  get publishedSeq(): number {
    return this.offset;
  }

  get processedSeq(): number {
    return this.offset;
  }

  get inHand(): EntryRange | undefined {
    return this.entries;
  }

  /**
   * Rebuilds the books from the engine's snapshot and journal at the stored offset and writes
   * every market's data to Redis again: at start-up, and after a failed batch, whose effects on
   * the in-memory books are thrown away with them.
   */
  async start(): Promise<void> {
    const { pool, journal, snapshots, log } = this.deps;
    this.ready = false;
    this.entries = undefined;
    // Stores queued before a failure settle first, so the offset read below is final.
    await this.storing;
    this.storeFailure = undefined;
    this.failedEntries = undefined;
    this.scales = await MarketScales.load(pool);
    this.scalesLoadedAt = this.now();
    const recovered = await recoverMarketData({ pool, journal, snapshots, nowMs: this.now() });
    this.offset = recovered.offset;
    this.appliedSeq = recovered.offset;
    this.state = recovered.state;
    this.ticker = recovered.ticker;
    await this.writeEverything(recovered.recentTrades);
    this.ready = true;
    log.info("market data started", {
      fromSeq: this.offset + 1,
      markets: this.state.books.size,
      rebuiltCandles: recovered.rebuilt,
    });

    this.source = new OutcomeSource(this.deps, this.offset + 1);
  }

  async step(maxEntries: number): Promise<boolean> {
    if (this.stopping) return this.finish();
    this.throwIfStoreFailed();
    const records = await (this.source as OutcomeSource).next(maxEntries);
    const first = records[0];
    const last = records.at(-1);
    if (first && last) {
      this.entries = { fromSeq: first.seq, toSeq: last.seq };
      await this.applyBatch(records);
      this.entries = undefined;
    }
    await this.publishDueTickers();
    await this.checkRedisKeptData();
    return this.stopping ? this.finish() : true;
  }

  /** Lets the queued stores finish, so a clean stop leaves the offset at what was published. */
  private async finish(): Promise<false> {
    await this.storing;
    this.throwIfStoreFailed();
    return false;
  }

  /**
   * A failed store fails the step: the consumer restarts from the stored offset. The entries in
   * hand are the failed batch's, so a failure that repeats is seen as stuck on that batch.
   */
  private throwIfStoreFailed(): void {
    if (this.storeFailure === undefined) return;
    this.entries = this.failedEntries;
    throw this.storeFailure;
  }

  stop(): void {
    this.stopping = true;
  }

  private async applyBatch(records: Parameters<MarketDataState["apply"]>[0]): Promise<void> {
    const state = this.state as MarketDataState;
    const batch = state.apply(records);
    const parts = foldTrades(
      batch.trades.map((t) => ({
        symbol: t.symbol,
        tradeId: t.tradeId,
        seq: t.seq,
        ts: t.ts,
        priceTicks: t.priceTicks,
        qtyLots: t.qtyLots,
        quoteAtoms: t.quoteAtoms,
      })),
    );
    const scales = await this.scalesFor(
      [...batch.depth.map((d) => d.symbol), ...batch.trades.map((t) => t.symbol)],
      batch.addedMarkets,
    );
    // The book, trades and pushes need nothing from Postgres: they leave at once, and the
    // candles and the offset are stored behind them, so a database round trip never delays a
    // diff, this batch's or the next one's.
    const stored = this.queueStore([...parts.values()], batch.lastSeq, scales, this.entries);
    await this.publisher.publishBatch(batch, scales, state.books);
    this.appliedSeq = batch.lastSeq;
    if (this.storesInFlight > STORES_IN_FLIGHT_MAX) await stored;
  }

  /**
   * Stores a batch's candle parts with its offset once the stores before it are done, then
   * publishes the candles as merged. Settles (never rejects) when this store is done.
   */
  private queueStore(
    parts: Candle[],
    lastSeq: number,
    scales: MarketScales,
    entries: EntryRange | undefined,
  ): Promise<void> {
    this.storesInFlight += 1;
    const store = async () => {
      if (this.storeFailure !== undefined) return;
      const candles = await storeCandles(this.deps.pool, parts, lastSeq);
      this.offset = lastSeq;
      for (const candle of candles) {
        this.ticker?.update(candle);
        this.dirtyTickers.add(candle.symbol);
      }
      await this.publisher.publishCandles(candles, scales);
    };
    this.storing = this.storing
      .then(store)
      .catch((error: unknown) => {
        if (this.storeFailure !== undefined) return;
        this.storeFailure = error;
        this.failedEntries = entries;
      })
      .finally(() => {
        this.storesInFlight -= 1;
      });
    return this.storing;
  }

  /**
   * The scales, reloaded when the engine added a market, or (at most every few seconds) when
   * one of `symbols` has none.
   */
  private async scalesFor(
    symbols: readonly string[],
    addedMarkets: readonly string[],
  ): Promise<MarketScales> {
    let scales = this.scales as MarketScales;
    const missing = [...symbols, ...addedMarkets].filter((s) => !scales.units(s));
    const added = addedMarkets.some((s) => !scales.units(s));
    if (missing.length > 0 && (added || this.now() - this.scalesLoadedAt >= SCALES_RELOAD_MS)) {
      scales = await MarketScales.load(this.deps.pool);
      this.scales = scales;
      this.scalesLoadedAt = this.now();
      const stillMissing = missing.filter((s) => !scales.units(s));
      if (stillMissing.length > 0)
        this.deps.log.error("markets without a row in the markets table; not published", {
          symbols: [...new Set(stillMissing)],
        });
    }
    return scales;
  }

  /**
   * Tickers at most every `tickerIntervalMs` per market: after trades, and when the window
   * slides into a new minute (old trades leave it). Published only when something changed.
   */
  private async publishDueTickers(force = false): Promise<void> {
    const ticker = this.ticker as RollingTicker;
    const scales = this.scales as MarketScales;
    const nowMs = this.now();
    const minute = Math.floor(nowMs / 60_000);
    const symbols = new Set([...scales.symbols(), ...ticker.symbols()]);
    for (const symbol of symbols) {
      const last = this.tickers.get(symbol);
      const due =
        force ||
        !last ||
        ((this.dirtyTickers.has(symbol) || last.minute !== minute) &&
          nowMs - last.publishedAt >= this.deps.tickerIntervalMs);
      if (!due) continue;
      const units = scales.units(symbol);
      if (!units) continue;
      const facts = ticker.compute(symbol, nowMs);
      const factsKey = keyOf(facts);
      this.dirtyTickers.delete(symbol);
      if (!force && last && last.factsKey === factsKey) {
        last.minute = minute;
        continue;
      }
      await this.publisher.publishTicker(symbol, tickerMessage(facts, units, nowMs));
      this.tickers.set(symbol, { publishedAt: nowMs, minute, factsKey });
    }
  }

  /** Writes every snapshot, recent-trades list and ticker (start-up, or Redis lost them). */
  private async writeEverything(recentTrades: Map<string, RecentTrade[]>): Promise<void> {
    const state = this.state as MarketDataState;
    const scales = this.scales as MarketScales;
    for (const book of state.books.values()) await this.publisher.writeDepthSnapshot(book, scales);
    for (const [symbol, trades] of recentTrades) {
      const units = scales.units(symbol);
      if (units)
        await this.publisher.replaceRecentTrades(
          symbol,
          trades.map((t) => tradeMessage(t, units)),
        );
    }
    await this.publishDueTickers(true);
    await this.publisher.markAlive();
  }

  private async checkRedisKeptData(): Promise<void> {
    const nowMs = this.now();
    if (nowMs - this.lastAliveCheck < ALIVE_CHECK_MS) return;
    this.lastAliveCheck = nowMs;
    if (await this.publisher.isAlive()) return;
    // Redis restarted empty. The book is in memory; candles and trades are in Postgres.
    this.deps.log.warn("Redis lost the market data; writing it again", { seq: this.offset });
    const state = this.state as MarketDataState;
    const { pool, journal } = this.deps;
    // The books in memory are at appliedSeq: the recent trades must reach as far.
    await this.writeEverything(
      await loadRecentTrades(pool, journal, [...state.books.keys()], this.appliedSeq),
    );
  }
}

function keyOf(f: TickerFacts): string {
  return [f.openTicks, f.highTicks, f.lastTicks, f.lowTicks, f.volumeLots, f.quoteAtoms, f.trades]
    .map(String)
    .join("|");
}
