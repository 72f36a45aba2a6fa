import { describe, expect, it } from "vitest";
import { LocalBook } from "./local-book";
import { parseMarketStream } from "./stream-names";

const diff = (
  firstSeq: number,
  lastSeq: number,
  bids: [string, string][],
  asks: [string, string][] = [],
) => ({
  type: "diff" as const,
  firstSeq,
  lastSeq,
  bids,
  asks,
});

describe("the gateway's local book", () => {
  it("holds diffs until the snapshot, drops what it holds, applies the rest", () => {
    let resyncs = 0;
    const book = new LocalBook(() => resyncs++);
    expect(book.apply(diff(5, 5, [["99", "1"]]))).toBe(false);
    expect(book.apply(diff(6, 6, [["101", "2"]]))).toBe(false);
    book.load({
      seq: 5,
      bids: [
        ["99", "1"],
        ["98", "4"],
      ],
      asks: [["102", "1"]],
    });
    expect(book.sequence).toBe(6);
    expect(book.top(1)).toEqual({ bids: [["101", "2"]], asks: [["102", "1"]] });
    expect(book.apply(diff(7, 7, [["101", "0"]], [["100.5", "3"]]))).toBe(true);
    expect(book.top(5)).toEqual({
      bids: [
        ["99", "1"],
        ["98", "4"],
      ],
      asks: [
        ["100.5", "3"],
        ["102", "1"],
      ],
    });
    expect(resyncs).toBe(0);
  });

  it("asks for a new snapshot on a gap, and holds the diff that showed it", () => {
    let resyncs = 0;
    const book = new LocalBook(() => resyncs++);
    book.load({ seq: 1, bids: [], asks: [] });
    expect(book.apply(diff(4, 4, [["10", "1"]]))).toBe(false);
    expect(resyncs).toBe(1);
    expect(book.sequence).toBeUndefined();
    book.load({ seq: 3, bids: [["9", "1"]], asks: [] });
    expect(book.sequence).toBe(4);
    expect(book.top(2).bids).toEqual([
      ["10", "1"],
      ["9", "1"],
    ]);
  });

  it("reads the book stream names", () => {
    expect(parseMarketStream("btcusdt@bookTicker")).toEqual({
      kind: "bookTicker",
      symbol: "BTCUSDT",
    });
    expect(parseMarketStream("btcusdt@depth10@100ms")).toEqual({
      kind: "partialDepth",
      symbol: "BTCUSDT",
      levels: 10,
      intervalMs: 100,
    });
    expect(parseMarketStream("btcusdt@depth20")).toMatchObject({ levels: 20, intervalMs: 1000 });
    expect(parseMarketStream("btcusdt@depth15")).toBeUndefined();
  });
});
