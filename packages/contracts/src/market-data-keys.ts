import type { Side } from "@exchange/core";
import type { MarketDecimals } from "./wire";

/**
 * Where market data lives in Redis, under the deployment's prefix: written by the worker's
 * market-data consumer, read by the API (depth, trades, ticker) and the gateway (the first
 * snapshot of `<SYMBOL>@depth`, `<SYMBOL>@ticker` and `<SYMBOL>@markprice`).
 *
 * - `<prefix>md:depth:<SYMBOL>` hash: `seq` → the book sequence of the snapshot, and one field
 *   per level, `b:<ticks>` or `a:<ticks>` (ticks zero-padded to 40 digits, so sorting the field
 *   names sorts the prices) → `<price>:<quantity>` as decimal strings.
 * - `<prefix>md:trades:<SYMBOL>` list: the latest trades, newest first, as published.
 * - `<prefix>md:ticker:<SYMBOL>` string: the latest ticker, as published (with its `time`).
 * - `<prefix>md:markprice:<SYMBOL>` string: the latest index and mark price, as published (with
 *   its `time`), written by the worker's index publisher (lending's index price).
 * - `<prefix>md:alive` string: written with a full rewrite; its absence means Redis lost the
 *   data (it keeps nothing on disk) and the consumer must write everything again.
 */
export function marketDataKeys(prefix: string) {
  return {
    depth: (symbol: string) => `${prefix}md:depth:${symbol}`,
    trades: (symbol: string) => `${prefix}md:trades:${symbol}`,
    ticker: (symbol: string) => `${prefix}md:ticker:${symbol}`,
    markprice: (symbol: string) => `${prefix}md:markprice:${symbol}`,
    /** A perpetual's premium samples towards one funding time (the pricer's, for the rate). */
    premiums: (symbol: string, fundingTime: number) =>
      `${prefix}md:premium:${symbol}:${fundingTime}`,
    alive: `${prefix}md:alive`,
  };
}

/** Latest trades kept per market in the recent-trades list. */
export const RECENT_TRADES_KEPT = 200;

/** The depth hash's field holding the snapshot's book sequence. */
export const DEPTH_SEQ_FIELD = "seq";
/** Field prefixes of bid and ask levels in the depth hash. */
export const BID_FIELD_PREFIX = "b:";
export const ASK_FIELD_PREFIX = "a:";

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
  const prefix = side === "buy" ? BID_FIELD_PREFIX : ASK_FIELD_PREFIX;
  return `${prefix}${priceTicks.toString().padStart(TICKS_DIGITS, "0")}`;
}

/** The hash value of a level: `<price>:<quantity>`. */
export function levelValue(priceTicks: bigint, qtyLots: bigint, units: MarketDecimals): string {
  return `${units.price(priceTicks)}:${units.quantity(qtyLots)}`;
}

/** A level value back as [price, quantity]. */
export function parseLevelValue(value: string): [price: string, quantity: string] {
  const colon = value.indexOf(":");
  return [value.slice(0, colon), value.slice(colon + 1)];
}
