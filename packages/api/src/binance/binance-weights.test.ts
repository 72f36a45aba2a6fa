import { describe, expect, it } from "vitest";
import { bookTickerRoute } from "./routes/book-ticker";
import { depthRoute } from "./routes/depth";
import { ticker24hrRoute } from "./routes/ticker-24hr";
import { tickerPriceRoute } from "./routes/ticker-price";

describe("request weights, as Binance's documentation lists them", () => {
  it("weighs depth by its limit", () => {
    const weight = (limit?: string) => depthRoute.weight(limit === undefined ? {} : { limit });
    expect([weight(), weight("1"), weight("100")]).toEqual([5, 5, 5]);
    expect([weight("101"), weight("500")]).toEqual([25, 25]);
    expect([weight("501"), weight("1000")]).toEqual([50, 50]);
    expect([weight("1001"), weight("5000")]).toEqual([250, 250]);
    // An unreadable limit is charged as the default, and refused when the route runs.
    expect(weight("lots")).toBe(5);
  });

  it("weighs the 24 h ticker by how many markets it names", () => {
    const list = (n: number) =>
      JSON.stringify(Array.from({ length: n }, (_, i) => `S${String(i).padStart(3, "0")}`));
    expect(ticker24hrRoute.weight({ symbol: "BTCUSDT" })).toBe(2);
    expect(ticker24hrRoute.weight({ symbols: list(20) })).toBe(2);
    expect(ticker24hrRoute.weight({ symbols: list(21) })).toBe(40);
    expect(ticker24hrRoute.weight({ symbols: list(100) })).toBe(40);
    expect(ticker24hrRoute.weight({ symbols: list(101) })).toBe(80);
    expect(ticker24hrRoute.weight({})).toBe(80);
  });

  it("weighs the price and book tickers 2 for one market, 4 otherwise", () => {
    for (const route of [tickerPriceRoute, bookTickerRoute]) {
      expect(route.weight({ symbol: "BTCUSDT" })).toBe(2);
      expect(route.weight({ symbols: '["BTCUSDT"]' })).toBe(4);
      expect(route.weight({})).toBe(4);
    }
  });
});
