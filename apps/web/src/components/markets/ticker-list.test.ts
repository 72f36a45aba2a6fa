import { describe, expect, it } from "vitest";
import { withTicker } from "./ticker-list";

describe("a live ticker written into the cached list", () => {
  const btc = { symbol: "BTCUSDT", last: "43000.10" };
  const eth = { symbol: "ETHUSDT", last: "2345.67" };

  it("replaces its own market's entry and leaves the others and their order alone", () => {
    const next = { symbol: "BTCUSDT", last: "54321.09" };
    expect(withTicker([btc, eth], next)).toEqual([next, eth]);
  });

  it("adds a market the list did not have yet, also before the list was read", () => {
    expect(withTicker([btc], eth)).toEqual([btc, eth]);
    expect(withTicker(undefined, eth)).toEqual([eth]);
  });
});
