import { binanceErrors } from "./binance-errors";

/**
 * A request's query string as the server parsed it: a parameter sent twice arrives as an array.
 * Parsing never trusts its shape: anything else a caller can make it is refused the same way.
 */
export type RawQuery = Record<string, unknown>;

/** Binance's legal patterns, quoted in its -1100 messages. */
const SYMBOL_RANGE = "^[A-Z0-9-_.]{1,20}$";
const SYMBOL_PATTERN = /^[A-Z0-9\-_.]{1,20}$/;
const INTEGER_RANGE = "^[0-9]{1,20}$";
const INTEGER_PATTERN = /^[0-9]{1,20}$/;
const SYMBOLS_RANGE = '^\\[("[A-Z0-9-_.]{1,20}"(,"[A-Z0-9-_.]{1,20}"){0,}){0,1}\\]$';
const SYMBOLS_PATTERN = /^\[("[A-Z0-9\-_.]{1,20}"(,"[A-Z0-9\-_.]{1,20}")*)?\]$/;
/** Most symbols one `symbols` list may name (Binance answers at most its markets). */
export const MAX_SYMBOLS_PER_REQUEST = 100;

/**
 * The text of one parameter, or undefined when not sent. Sent twice → -1101; sent empty →
 * -1105 (Binance's order of checks).
 */
export function textParam(query: RawQuery, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw binanceErrors.duplicateParam();
  if (value === "") throw binanceErrors.empty(name);
  return value;
}

export function requiredText(query: RawQuery, name: string): string {
  const value = query[name];
  if (value === undefined || value === "") throw binanceErrors.mandatory(name);
  return textParam(query, name) as string;
}

/** A symbol in Binance's form (`BTCUSDT`); whether it is one of our markets is checked later. */
export function symbolParam(query: RawQuery, name = "symbol"): string | undefined {
  const value = textParam(query, name);
  if (value !== undefined && !SYMBOL_PATTERN.test(value)) {
    throw binanceErrors.illegalChars(name, SYMBOL_RANGE);
  }
  return value;
}

export function requiredSymbol(query: RawQuery, name = "symbol"): string {
  if (query[name] === undefined || query[name] === "") throw binanceErrors.mandatory(name);
  return symbolParam(query, name) as string;
}

/** `symbols=["BTCUSDT","ETHUSDT"]`: a JSON array of symbols, without duplicates. */
export function symbolsParam(query: RawQuery): string[] | undefined {
  const value = textParam(query, "symbols");
  if (value === undefined) return undefined;
  if (!SYMBOLS_PATTERN.test(value)) throw binanceErrors.illegalChars("symbols", SYMBOLS_RANGE);
  const symbols = JSON.parse(value) as string[];
  if (symbols.length === 0) throw binanceErrors.empty("symbols");
  if (symbols.length > MAX_SYMBOLS_PER_REQUEST) throw binanceErrors.invalidParameter("symbols");
  if (new Set(symbols).size !== symbols.length) throw binanceErrors.duplicateParam();
  return symbols;
}

/** Which markets a ticker route asks for: one, a list, or (neither sent) all of them. */
export type SymbolSelection =
  | { kind: "one"; symbol: string }
  | { kind: "list"; symbols: string[] }
  | { kind: "all" };

export function symbolSelection(query: RawQuery): SymbolSelection {
  const symbol = symbolParam(query);
  const symbols = symbolsParam(query);
  if (symbol !== undefined && symbols !== undefined) {
    throw binanceErrors.exclusiveParams("symbol", "symbols");
  }
  if (symbol !== undefined) return { kind: "one", symbol };
  if (symbols !== undefined) return { kind: "list", symbols };
  return { kind: "all" };
}

/**
 * A non-negative integer parameter (a limit, a time in ms). Digits only, as Binance's -1100
 * says; a value beyond JavaScript's exact integers is invalid data, never rounded.
 */
export function integerParam(query: RawQuery, name: string): number | undefined {
  const value = textParam(query, name);
  if (value === undefined) return undefined;
  if (!INTEGER_PATTERN.test(value)) throw binanceErrors.illegalChars(name, INTEGER_RANGE);
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw binanceErrors.invalidParameter(name);
  return number;
}

/**
 * A `limit`: the default when absent; outside [min, max] it is refused (-1130), or cut to `max`
 * where Binance documents that it truncates (depth).
 */
export function limitParam(
  query: RawQuery,
  bounds: { fallback: number; min: number; max: number; truncateAboveMax?: boolean },
): number {
  const limit = integerParam(query, "limit");
  if (limit === undefined) return bounds.fallback;
  if (limit > bounds.max && bounds.truncateAboveMax) return bounds.max;
  if (limit < bounds.min || limit > bounds.max) throw binanceErrors.invalidParameter("limit");
  return limit;
}

/** `startTime` / `endTime` in epoch ms; a start after the end is -1023. */
export function timeRangeParams(query: RawQuery): { startTime?: number; endTime?: number } {
  const startTime = timeParam(query, "startTime");
  const endTime = timeParam(query, "endTime");
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
    throw binanceErrors.startAfterEnd();
  }
  return {
    ...(startTime !== undefined ? { startTime } : {}),
    ...(endTime !== undefined ? { endTime } : {}),
  };
}

/** The last millisecond a JavaScript Date can hold (and so a database timestamp we read). */
const MAX_TIME_MS = 8_640_000_000_000_000;

function timeParam(query: RawQuery, name: string): number | undefined {
  const time = integerParam(query, name);
  if (time !== undefined && time > MAX_TIME_MS) throw binanceErrors.invalidParameter(name);
  return time;
}
