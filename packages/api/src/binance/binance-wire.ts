import { z } from "zod";

/** A price or quantity as Binance writes it: at least 8 decimals ("0.01000000"). */
export const ZBinanceDecimal = z.string().regex(/^-?\d+\.\d{8,}$/);

/** One answer for `symbol`, a list for `symbols` or neither: Binance's ticker routes. */
export function oneOrList<T extends z.ZodType>(row: T) {
  return z.union([row, z.array(row)]);
}

/** A wire time (epoch ms, ISO text or a Date, as the contracts' encoders allow) as epoch ms. */
export function epochOf(time: number | string | Date): number {
  if (typeof time === "number") return time;
  return time instanceof Date ? time.getTime() : new Date(time).getTime();
}

/**
 * How many markets a ticker request names, read leniently for its weight (before validation):
 * one for `symbol`, the entries of `symbols`, or every market (undefined) for neither.
 */
export function namedSymbolCount(query: Record<string, unknown>): number | undefined {
  if (typeof query.symbol === "string" && query.symbol !== "") return 1;
  if (typeof query.symbols === "string" && query.symbols !== "") {
    return query.symbols.split(",").length;
  }
  return undefined;
}
