import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BinanceError } from "./binance-errors";
import {
  integerParam,
  limitParam,
  type RawQuery,
  requiredSymbol,
  symbolSelection,
  timeRangeParams,
} from "./binance-params";
import { publicBinanceRoutes } from "./routes";

/** What a query string parser can hand over: text, repeated text, or odd shapes. */
const queryValue = fc.oneof(
  fc.string(),
  fc.constantFrom("", "BTCUSDT", "btcusdt", "1", "0", "5001", "-1", "1e3", '["BTCUSDT"]', "[]"),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.constant(undefined),
);
const garbageQuery = fc.dictionary(
  fc.constantFrom("symbol", "symbols", "limit", "interval", "startTime", "endTime", "x"),
  queryValue,
);

function codeOf(run: () => unknown): number | "ok" {
  try {
    run();
    return "ok";
  } catch (error) {
    if (error instanceof BinanceError) return error.code;
    throw error;
  }
}

describe("parameter parsing", () => {
  it("turns any query into values or a Binance error, never another failure", () => {
    fc.assert(
      fc.property(garbageQuery, (query: RawQuery) => {
        codeOf(() => symbolSelection(query));
        codeOf(() => requiredSymbol(query));
        codeOf(() =>
          limitParam(query, { fallback: 100, min: 1, max: 5000, truncateAboveMax: true }),
        );
        codeOf(() => timeRangeParams(query));
      }),
    );
  });

  it("gives every route a positive whole weight for any query", () => {
    const routes = publicBinanceRoutes({ weightPerMinute: 6000 });
    fc.assert(
      fc.property(garbageQuery, (query: RawQuery) => {
        for (const route of routes) {
          const weight = route.weight(query);
          expect(Number.isInteger(weight) && weight > 0).toBe(true);
        }
      }),
    );
  });

  it("answers Binance's code for each kind of bad parameter", () => {
    expect(codeOf(() => requiredSymbol({}))).toBe(-1102);
    expect(codeOf(() => requiredSymbol({ symbol: "" }))).toBe(-1102);
    expect(codeOf(() => requiredSymbol({ symbol: "btc usdt" }))).toBe(-1100);
    expect(codeOf(() => requiredSymbol({ symbol: ["BTCUSDT", "ETHUSDT"] }))).toBe(-1101);
    expect(codeOf(() => symbolSelection({ symbol: "BTCUSDT", symbols: '["BTCUSDT"]' }))).toBe(
      -1101,
    );
    expect(codeOf(() => symbolSelection({ symbols: "BTCUSDT" }))).toBe(-1100);
    expect(codeOf(() => symbolSelection({ symbols: '["BTCUSDT","BTCUSDT"]' }))).toBe(-1101);
    expect(codeOf(() => integerParam({ limit: "1.5" }, "limit"))).toBe(-1100);
    expect(codeOf(() => integerParam({ limit: "99999999999999999999" }, "limit"))).toBe(-1130);
    expect(codeOf(() => timeRangeParams({ startTime: "2", endTime: "1" }))).toBe(-1023);
    expect(codeOf(() => timeRangeParams({ endTime: "9999999999999999" }))).toBe(-1130);
  });

  it("reads the selections and limits Binance documents", () => {
    expect(symbolSelection({})).toEqual({ kind: "all" });
    expect(symbolSelection({ symbol: "BTCUSDT" })).toEqual({ kind: "one", symbol: "BTCUSDT" });
    expect(symbolSelection({ symbols: '["ETHUSDT","BTCUSDT"]' })).toEqual({
      kind: "list",
      symbols: ["ETHUSDT", "BTCUSDT"],
    });
    const depthBounds = { fallback: 100, min: 1, max: 5000, truncateAboveMax: true };
    expect(limitParam({}, depthBounds)).toBe(100);
    expect(limitParam({ limit: "6000" }, depthBounds)).toBe(5000);
    expect(codeOf(() => limitParam({ limit: "0" }, depthBounds))).toBe(-1130);
    expect(codeOf(() => limitParam({ limit: "1001" }, { fallback: 500, min: 1, max: 1000 }))).toBe(
      -1130,
    );
  });
});
