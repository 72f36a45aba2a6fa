/**
 * The index price of lending (issue 19 part 3), pure: what a collateral asset is worth in a loan
 * asset, read from markets. A price here is quote atoms per ONE WHOLE unit of the asset
 * (10^precision atoms), a bigint, the unit the engine's `index.set` and the loans' LTV use.
 *
 * One moment's sample of a market: the mid of the best bid and ask when the book has both sides
 * and the mid lies within ±5 % of the last trade (a thin or spoofed book cannot move it far),
 * else the last trade, else nothing. The index is the median of the last few samples, so a
 * single wick (one trade, one quote pulled for a second) does not move it.
 *
 * Outside sources (another exchange's price, an oracle) come in as `IndexSource` adapters: each
 * gives the same `MarketQuote`; the moment's price is the median of the sources' samples. Only
 * our own market is implemented (`exchange-index-source.ts`).
 */
import { INDEX_MAX_AGE_MS } from "@exchange/core";

/** The sanity band of the mid around the last trade, in millionths: ±5 %. */
export const INDEX_BAND_PPM = 50_000n;
/** Samples the median is taken over (one a second: the last five seconds). */
export const INDEX_WINDOW_SAMPLES = 5;
/** How often the publisher samples every pair. */
export const INDEX_SAMPLE_EVERY_MS = 1_000;
/**
 * An index older than this is stale: the engine refuses new loans and liquidations on it (the
 * core's own rule, the same constant) and the publisher raises an alert.
 */
export const INDEX_STALE_AFTER_MS = INDEX_MAX_AGE_MS;
/**
 * An unchanged index is sent to the engine again after this long, well inside the staleness
 * limit, so the engine's copy stays fresh while the market lives without filling the journal
 * with the same price every second.
 */
export const INDEX_HEARTBEAT_MS = 10_000;
/** Recorded samples kept in `index_prices`. */
export const INDEX_KEEP_MS = 24 * 60 * 60 * 1_000;

const MILLION = 1_000_000n;

/** A pair a loan could need: a collateral asset priced in a loan asset on a spot market. */
export interface IndexPair {
  /** The spot market read: `BTCUSDT`; also the `<symbol>@markprice` channel's. */
  symbol: string;
  /** The collateral asset (base of the market). */
  asset: string;
  /** The loan asset (quote of the market). */
  quote: string;
  /** Quote atoms of one price tick of the market (a price in ticks × this = our price unit). */
  tickSizeAtoms: bigint;
  quotePrecision: number;
}

/** What a source sees of a pair at one moment, each price in quote atoms per whole unit. */
export interface MarketQuote {
  bestBidAtoms: bigint | null;
  bestAskAtoms: bigint | null;
  /** The last trade's price, however old; null before the first trade. */
  lastTradeAtoms: bigint | null;
}

export type IndexMethod = "mid" | "last";

/** One moment's price of a pair from one source. */
export interface IndexSample {
  priceAtoms: bigint;
  method: IndexMethod;
}

/**
 * An adapter for a source of prices. `name` is recorded with each sample
 * (`exchange:BTCUSDT`, `<vendor>:BTC-USD`); `quote` answers the pair's best bid, best ask and
 * last trade now, converted to quote atoms per whole unit of the asset, or null when the source
 * has nothing for the pair (unknown pair, source down). It must not throw for a missing pair;
 * a thrown error fails the whole pass, which is retried.
 */
export interface IndexSource {
  readonly name: string;
  quote(pair: IndexPair): Promise<MarketQuote | null>;
}

/** Whether `mid` lies within the sanity band around `last` (exact: no division). */
export function withinBand(midAtoms: bigint, lastAtoms: bigint): boolean {
  const distance = midAtoms > lastAtoms ? midAtoms - lastAtoms : lastAtoms - midAtoms;
  return distance * MILLION <= INDEX_BAND_PPM * lastAtoms;
}

/**
 * The mid of a two-sided book, rounded DOWN to the atom: a lower index means a higher LTV, so
 * the half atom errs on the exchange's side (a loan is never opened or kept on a price above the
 * market's). Null when a side is missing or the book is crossed (it never is after matching).
 */
export function midOf(quote: MarketQuote): bigint | null {
  const { bestBidAtoms: bid, bestAskAtoms: ask } = quote;
  if (bid === null || ask === null || bid <= 0n || ask <= 0n || bid > ask) return null;
  return (bid + ask) / 2n;
}

/** One moment's sample: the mid within the band, else the last trade, else none. */
export function sampleOf(quote: MarketQuote): IndexSample | null {
  const last = quote.lastTradeAtoms;
  if (last === null || last <= 0n) return null;
  const mid = midOf(quote);
  if (mid !== null && withinBand(mid, last)) return { priceAtoms: mid, method: "mid" };
  return { priceAtoms: last, method: "last" };
}

/**
 * The median of prices; for an even count the LOWER of the two middle ones (a price some sample
 * actually had, and the lower errs on the exchange's side as `midOf` does). Null for none.
 */
export function medianOf(prices: readonly bigint[]): bigint | null {
  if (prices.length === 0) return null;
  const sorted = [...prices].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

/** The moment's sample of a pair over several sources: the median of the sources that had one. */
export function combineSamples(samples: readonly (IndexSample | null)[]): IndexSample | null {
  const present = samples.filter((s): s is IndexSample => s !== null);
  const price = medianOf(present.map((s) => s.priceAtoms));
  if (price === null) return null;
  // The method recorded is that of a source giving the median price.
  const method = present.find((s) => s.priceAtoms === price)?.method ?? "last";
  return { priceAtoms: price, method };
}

/** The last `size` samples of one pair and their median, the index. */
export class IndexWindow {
  private readonly prices: bigint[] = [];

  constructor(readonly size: number = INDEX_WINDOW_SAMPLES) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError("a window holds at least one");
  }

  add(priceAtoms: bigint): void {
    this.prices.push(priceAtoms);
    if (this.prices.length > this.size) this.prices.shift();
  }

  /** Forgets the samples: after a gap, old prices must not vote in the new median. */
  clear(): void {
    this.prices.length = 0;
  }

  get count(): number {
    return this.prices.length;
  }

  /** The index: the median of the samples held; null when none. */
  index(): bigint | null {
    return medianOf(this.prices);
  }
}

/** What the engine last got of a pair. */
export interface SentIndex {
  priceAtoms: bigint;
  atMs: number;
}

/**
 * Whether a new index is sent to the engine: always the first, then on every change of price,
 * and an unchanged one again once `heartbeatMs` passed, so the engine's copy never goes stale
 * while the market lives and the journal does not fill with the same price every second.
 */
export function indexSendDue(
  last: SentIndex | null,
  priceAtoms: bigint,
  nowMs: number,
  heartbeatMs: number = INDEX_HEARTBEAT_MS,
): boolean {
  if (last === null) return true;
  if (nowMs <= last.atMs) return false;
  return last.priceAtoms !== priceAtoms || nowMs - last.atMs >= heartbeatMs;
}

/** How old a pair's index is now: since its last one, or since the publisher started. */
export function indexAgeMs(lastAtMs: number | null, startedAtMs: number, nowMs: number): number {
  return Math.max(0, nowMs - (lastAtMs ?? startedAtMs));
}

/** Whether an index of this age is stale (the engine refuses it; an alert is due). */
export function isIndexStale(ageMs: number, staleAfterMs: number = INDEX_STALE_AFTER_MS): boolean {
  return ageMs > staleAfterMs;
}
