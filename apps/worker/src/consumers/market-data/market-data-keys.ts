import type { Side } from "@exchange/core";
import { streamBusChannel } from "@exchange/protocol";

/**
 * Where market data lives in Redis, under the deployment's prefix. The gateway (apps/stream
 * depth-snapshot.ts, ticker) and the API (packages/api services/market-data-keys.ts) read the
 * same names; change them together.
 *
 * - `<prefix>md:depth:<SYMBOL>` hash: `seq` → the book sequence of the snapshot, and one field
 *   per level, `b:<ticks>` or `a:<ticks>` (ticks zero-padded to 40 digits, so sorting the field
 *   names sorts the prices) → `<price>:<quantity>` as decimal strings.
 * - `<prefix>md:trades:<SYMBOL>` list: the latest trades, newest first, as published.
 * - `<prefix>md:ticker:<SYMBOL>` string: the latest ticker, as published.
 * - `<prefix>md:alive` string: written with a full rewrite; its absence means Redis lost the
 *   data (it keeps nothing on disk) and the job must write everything again.
 */
export function marketDataKeys(prefix: string) {
  return {
    depth: (symbol: string) => `${prefix}md:depth:${symbol}`,
    trades: (symbol: string) => `${prefix}md:trades:${symbol}`,
    ticker: (symbol: string) => `${prefix}md:ticker:${symbol}`,
    alive: `${prefix}md:alive`,
    /** The pub/sub channel the gateways relay to subscribers of `channel`. */
    channel: (channel: string) => streamBusChannel(prefix, channel),
  };
}
export type MarketDataKeys = ReturnType<typeof marketDataKeys>;

export const DEPTH_SEQ_FIELD = "seq";
/**
 * Width of a level field's ticks: as wide as the read models' NUMERIC(40,0), far above the
 * largest price the core accepts (MAX_UNITS, 10^30 ticks; packages/core limits.ts).
 */
const TICKS_DIGITS = 40;
const MAX_TICKS = 10n ** BigInt(TICKS_DIGITS);

/** The hash field of a level: fixed-width so that field order is price order. */
export function levelField(side: Side, priceTicks: bigint): string {
  if (priceTicks < 0n || priceTicks >= MAX_TICKS) {
    throw new RangeError(`price of ${priceTicks} ticks does not fit the depth snapshot's fields`);
  }
  return `${side === "buy" ? "b" : "a"}:${priceTicks.toString().padStart(TICKS_DIGITS, "0")}`;
}

/** Latest trades kept per market in the recent-trades list. */
export const RECENT_TRADES_KEPT = 200;
