import { channels } from "@exchange/contracts/channels";
import { marketDataKeys } from "@exchange/contracts/market-data-keys";
import { encodeMarkPrice } from "@exchange/contracts/markprice";
import { type Clock, type Logger, streamBusChannel } from "@exchange/protocol";
import type { Redis } from "ioredis";
import { type AlertCenterDeps, reportProblem, resolveByCheck } from "../alerts/alert-center";
import type { Services } from "../services";
import {
  combineSamples,
  INDEX_HEARTBEAT_MS,
  INDEX_KEEP_MS,
  INDEX_STALE_AFTER_MS,
  INDEX_WINDOW_SAMPLES,
  type IndexPair,
  type IndexSample,
  type IndexSource,
  IndexWindow,
  indexAgeMs,
  indexSendDue,
  isIndexStale,
  type SentIndex,
  sampleOf,
} from "./index-price";
import {
  findIndexPairs,
  type IndexPriceRow,
  pruneIndexPrices,
  recordIndexPrices,
} from "./index-price-repository";

/**
 * The index publisher's pass (issue 19 part 3), run each second by the worker's loop: for every
 * pair a loan could need it samples the sources, takes the median over the window, records it
 * in `index_prices`, stores and publishes it on `<SYMBOL>@markprice`, and sends it to the engine
 * when the price changed or the heartbeat is due. A pair without an index for longer than the
 * staleness limit raises an alert (resolved when the index is back); the engine, on its side,
 * refuses new loans and liquidations on a stale index.
 */

/** The loan assets the index prices collateral in: markets quoted in these are sampled. */
export const LOAN_ASSETS: readonly string[] = ["USDT"];

/** The alert of a pair whose index is stale. */
export const staleIndexAlertKey = (symbol: string) => `index-price:stale:${symbol}`;

/** What `index.set` carries; the sender (lending-engine.ts) builds the command from it. */
export interface IndexToSend {
  asset: string;
  quote: string;
  priceAtoms: bigint;
  atMs: number;
}

/** Sends one index to the engine; false when the engine refused it. */
export type IndexSender = (index: IndexToSend) => Promise<boolean>;

export interface IndexPublisherDeps {
  db: Services["db"];
  redis: Redis;
  redisPrefix: string;
  clock: Clock;
  log: Logger;
  sources: readonly IndexSource[];
  /** Raises and resolves the stale-index alerts (the alert center's). */
  alerts: AlertCenterDeps;
  /** Absent: the index is recorded and published but not sent (no lending engine module). */
  sendIndex?: IndexSender | undefined;
  loanAssets?: readonly string[];
  windowSamples?: number;
  heartbeatMs?: number;
  staleAfterMs?: number;
  keepMs?: number;
}

/** What the publisher holds of one pair between passes. */
interface PairState {
  pair: IndexPair;
  window: IndexWindow;
  /** The last index and when it was taken (epoch ms). */
  last: { priceAtoms: bigint; atMs: number } | null;
  /** What was last sent to the engine (accepted, or refused as not newer than its own). */
  sent: SentIndex | null;
  /** Whether this publisher knows the pair's stale alert to be open; undefined after a start. */
  alertOpen: boolean | undefined;
}

/** How often old samples are pruned. */
const PRUNE_EVERY_MS = 60_000;

export interface IndexPassResult {
  /** Each pair's index now (null when it has none) and its age. */
  pairs: Array<{ symbol: string; priceAtoms: bigint | null; ageMs: number; stale: boolean }>;
}

/** The publisher's memory: the windows, what was sent, which alerts are open. */
export class IndexPublisher {
  private readonly pairs = new Map<string, PairState>();
  private readonly startedAtMs: number;
  private lastPruneMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: IndexPublisherDeps) {
    this.startedAtMs = deps.clock.now();
  }

  /** Each known pair's index age at `nowMs` (the Prometheus gauge reads this). */
  ages(nowMs: number): Array<{ symbol: string; ageMs: number }> {
    return [...this.pairs.values()].map((s) => ({
      symbol: s.pair.symbol,
      ageMs: indexAgeMs(s.last?.atMs ?? null, this.startedAtMs, nowMs),
    }));
  }

  /** One pass over every pair. */
  async pass(): Promise<IndexPassResult> {
    const { deps } = this;
    const nowMs = deps.clock.now();
    const states = await this.refreshPairs();
    const samples = await Promise.all(states.map((state) => this.sample(state.pair)));
    const rows: IndexPriceRow[] = [];
    const published: PairState[] = [];
    states.forEach((state, i) => {
      const sample = samples[i];
      if (!sample) return;
      state.window.add(sample.priceAtoms);
      const priceAtoms = state.window.index() as bigint;
      state.last = { priceAtoms, atMs: nowMs };
      published.push(state);
      rows.push({
        asset: state.pair.asset,
        quote: state.pair.quote,
        priceAtoms,
        method: sample.method,
        sources: deps.sources.map((s) => `${s.name}:${state.pair.symbol}`).join(","),
        samples: state.window.count,
        at: new Date(nowMs),
      });
    });
    await recordIndexPrices(deps.db, rows);
    await this.publish(published);
    for (const state of published) await this.send(state);
    const result: IndexPassResult = { pairs: [] };
    for (const state of states) {
      const ageMs = indexAgeMs(state.last?.atMs ?? null, this.startedAtMs, nowMs);
      const stale = isIndexStale(ageMs, deps.staleAfterMs ?? INDEX_STALE_AFTER_MS);
      // Old samples must not vote in the median once the market is back.
      if (stale) state.window.clear();
      await this.alertOnStaleness(state, stale, ageMs);
      result.pairs.push({
        symbol: state.pair.symbol,
        priceAtoms: state.last?.priceAtoms ?? null,
        ageMs,
        stale,
      });
    }
    await this.prune(nowMs);
    return result;
  }

  /** The pairs now; a new market joins, a closed one leaves (its state with it). */
  private async refreshPairs(): Promise<PairState[]> {
    const pairs = await findIndexPairs(this.deps.db, this.deps.loanAssets ?? LOAN_ASSETS);
    const current = new Set(pairs.map((p) => p.symbol));
    for (const symbol of this.pairs.keys()) if (!current.has(symbol)) this.pairs.delete(symbol);
    return pairs.map((pair) => {
      const known = this.pairs.get(pair.symbol);
      if (known) {
        known.pair = pair;
        return known;
      }
      const state: PairState = {
        pair,
        window: new IndexWindow(this.deps.windowSamples ?? INDEX_WINDOW_SAMPLES),
        last: null,
        sent: null,
        alertOpen: undefined,
      };
      this.pairs.set(pair.symbol, state);
      return state;
    });
  }

  private async sample(pair: IndexPair): Promise<IndexSample | null> {
    const quotes = await Promise.all(this.deps.sources.map((source) => source.quote(pair)));
    return combineSamples(quotes.map((quote) => (quote ? sampleOf(quote) : null)));
  }

  /** Stores each index for new subscribers and publishes it, one round trip. */
  private async publish(states: readonly PairState[]): Promise<void> {
    if (states.length === 0) return;
    const { redis, redisPrefix } = this.deps;
    const keys = marketDataKeys(redisPrefix);
    const multi = redis.multi();
    for (const { pair, last } of states) {
      if (!last) continue;
      const message = JSON.stringify(
        encodeMarkPrice({
          symbol: pair.symbol,
          indexPriceAtoms: last.priceAtoms,
          quotePrecision: pair.quotePrecision,
          atMs: last.atMs,
        }),
      );
      multi.set(keys.markprice(pair.symbol), message);
      multi.publish(streamBusChannel(redisPrefix, channels.markprice(pair.symbol)), message);
    }
    await multi.exec();
  }

  /** Sends the index to the engine when it changed or the heartbeat is due. */
  private async send(state: PairState): Promise<void> {
    const { sendIndex } = this.deps;
    const last = state.last;
    if (!sendIndex || !last) return;
    const heartbeatMs = this.deps.heartbeatMs ?? INDEX_HEARTBEAT_MS;
    if (!indexSendDue(state.sent, last.priceAtoms, last.atMs, heartbeatMs)) return;
    const { asset, quote, symbol } = state.pair;
    try {
      const index = { asset, quote, priceAtoms: last.priceAtoms, atMs: last.atMs };
      const accepted = await sendIndex(index);
      // A refusal (the engine holds a newer sample) waits for the next change or heartbeat too,
      // rather than being retried every second.
      state.sent = { priceAtoms: last.priceAtoms, atMs: last.atMs };
      if (!accepted) this.deps.log.warn("the engine refused an index", { symbol });
    } catch (error) {
      // The engine unreachable fails this send, not the pass: the index is still recorded and
      // pushed, and the next pass sends again (the price is due until one is accepted).
      this.deps.log.warn("an index could not be sent to the engine", { symbol, error });
    }
  }

  /** Raises the pair's alert as it goes stale, resolves it as it comes back (once each). */
  private async alertOnStaleness(state: PairState, stale: boolean, ageMs: number): Promise<void> {
    if (state.alertOpen === stale) return;
    const key = staleIndexAlertKey(state.pair.symbol);
    const { alerts, clock } = this.deps;
    if (stale) {
      const { asset, quote, symbol } = state.pair;
      await reportProblem(alerts, {
        key,
        severity: "CRITICAL",
        source: "index-publisher",
        message: `The index price of ${asset} in ${quote} is stale (no price from ${symbol} for ${Math.round(ageMs / 1000)} s): new loans and liquidations are paused`,
        detail: JSON.stringify({ symbol, lastAt: state.last?.atMs ?? null }),
        at: new Date(clock.now()),
      });
    } else {
      await resolveByCheck(alerts, key);
    }
    state.alertOpen = stale;
  }

  private async prune(nowMs: number): Promise<void> {
    if (nowMs - this.lastPruneMs < PRUNE_EVERY_MS) return;
    this.lastPruneMs = nowMs;
    await pruneIndexPrices(this.deps.db, new Date(nowMs - (this.deps.keepMs ?? INDEX_KEEP_MS)));
  }
}
