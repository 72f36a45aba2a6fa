import { z } from "zod";

/**
 * Wire codecs. JSON has no integer wider than 2^53, so every bigint (atoms, ticks, lots) crosses
 * the wire as a decimal integer string: "-12", "0", "1500000". Decoding refuses anything else
 * (leading zeros, "+", decimals, exponents, blanks) rather than guess.
 */
const INTEGER_TEXT = /^-?(0|[1-9]\d{0,59})$/;

export const ZBigint = z.codec(
  z.string().regex(INTEGER_TEXT, "must be an integer written in decimal digits"),
  z.bigint(),
  { decode: (text) => BigInt(text), encode: (value) => value.toString() },
);

/** An id, user id or sequence number: a safe integer (never money). */
export const ZSafeInt = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/** Short free text carried in commands (ids, business keys): bounded so one entry stays small. */
export const ZShortText = z.string().min(1).max(128);

/** JSON.stringify that writes bigints as decimal strings, the inverse of ZBigint. */
export function stringifyWire(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}
