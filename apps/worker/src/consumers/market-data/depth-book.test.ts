import { describe, expect, it } from "vitest";
import { DepthBook, DepthSequenceError } from "./depth-book";

describe("DepthBook", () => {
  it("collapses a batch's changes into one diff holding each level's final quantity", () => {
    const book = new DepthBook("BTCUSDT", 7);
    book.apply({ side: "buy", priceTicks: 100n, qtyLots: 5n, seq: 8 }, 1_000);
    book.apply({ side: "sell", priceTicks: 101n, qtyLots: 2n, seq: 9 }, 1_001);
    book.apply({ side: "buy", priceTicks: 100n, qtyLots: 0n, seq: 10 }, 1_002);
    expect(book.takeDiff()).toEqual({
      symbol: "BTCUSDT",
      firstSeq: 8,
      lastSeq: 10,
      bids: new Map([[100n, 0n]]),
      asks: new Map([[101n, 2n]]),
      ts: 1_002,
    });
    expect(book.takeDiff()).toBeUndefined();
    expect([...book.bids]).toEqual([]);
    expect(book.sorted("sell")).toEqual([[101n, 2n]]);
    expect(book.seq).toBe(10);
  });

  it("sorts bids high to low and asks low to high", () => {
    const book = new DepthBook("BTCUSDT", 0);
    for (const price of [5n, 9n, 7n]) {
      book.setLevel("buy", price, 1n);
      book.setLevel("sell", price + 10n, 1n);
    }
    expect(book.sorted("buy").map(([p]) => p)).toEqual([9n, 7n, 5n]);
    expect(book.sorted("sell").map(([p]) => p)).toEqual([15n, 17n, 19n]);
  });

  it.each([
    ["a skipped event", 12],
    ["a repeated event", 10],
  ])("refuses %s rather than publish a wrong book", (_, seq) => {
    const book = new DepthBook("BTCUSDT", 10);
    expect(() => book.apply({ side: "buy", priceTicks: 1n, qtyLots: 1n, seq }, 0)).toThrow(
      DepthSequenceError,
    );
  });
});
