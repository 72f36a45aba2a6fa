import { z } from "zod";

/**
 * The building blocks every public shape uses. On the wire (the JSON of WebSocket pushes and of
 * the REST APIs to come) money is a decimal string and a time is epoch milliseconds; parsed, a
 * time is a Date, whatever form it came in (tRPC carries Dates, JSON carries numbers or ISO text).
 */

/** A decimal amount as the wire carries it (SPEC §3): digits, at most one point, never a number. */
export const ZDecimal = z.string();

/** A time: epoch ms, ISO text or a Date on the way in; always a Date once parsed. */
export const ZTime = z
  .union([z.number(), z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value : new Date(value)));

/** Which side of the book: a "buy" bids, a "sell" asks. */
export const ZSide = z.enum(["buy", "sell"]);

/**
 * A market's symbol as the channels and the markets table name it: "BTCUSDT", or a perpetual
 * contract's, "BTCUSDT-PERP" (market.ts `CONTRACT_SYMBOL_SUFFIX`), whose market data is the same.
 */
export const SYMBOL_PATTERN = /^[A-Z0-9]{2,20}(?:-PERP)?$/;
export const ZSymbol = z.string().regex(SYMBOL_PATTERN, "must be a market symbol such as BTCUSDT");

/**
 * What an encoder needs to write one market's engine integers as decimal strings. The
 * protocol's MarketUnits is one; the shape is spelled out here so that this package stays
 * browser-safe and depends on nothing but the core.
 */
export interface MarketDecimals {
  price(ticks: bigint): string;
  quantity(lots: bigint): string;
  /** An amount of the quote asset. */
  quote(atoms: bigint): string;
  /** An amount of either asset of the market, by code. */
  amount(atoms: bigint, asset: string): string;
  /** Average fill price, rounded down to the tick; null when nothing filled. */
  averagePrice(quoteAtoms: bigint, lots: bigint): string | null;
}

/** An engine time (epoch ms) or a read model's Date, as the wire's epoch ms. */
export function epochMs(time: number | Date): number {
  return typeof time === "number" ? time : time.getTime();
}
