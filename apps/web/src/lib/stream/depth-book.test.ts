import { describe, expect, it } from "vitest";
import { applyDiff, bookFromSnapshot, type DepthBook, sortedLevels } from "./depth-book";

const snapshot = () =>
  bookFromSnapshot({
    seq: 10,
    bids: [
      ["99.50", "1"],
      ["100.00", "2"],
    ],
    asks: [
      ["101.00", "3"],
      ["100.50", "0.5"],
    ],
  });

function applied(book: DepthBook, diff: Parameters<typeof applyDiff>[1]): DepthBook {
  const result = applyDiff(book, diff);
  if (result.status !== "applied") throw new Error(`expected applied, got ${result.status}`);
  return result.book;
}

describe("depth book", () => {
  it("sorts each side best first", () => {
    const book = snapshot();
    expect(sortedLevels(book.bids, "bids", 10).map(([p]) => p)).toEqual(["100.00", "99.50"]);
    expect(sortedLevels(book.asks, "asks", 10).map(([p]) => p)).toEqual(["100.50", "101.00"]);
    expect(sortedLevels(book.asks, "asks", 1)).toHaveLength(1);
  });

  it("applies a continuing diff: changes, additions and removals by quantity 0", () => {
    const book = applied(snapshot(), {
      firstSeq: 11,
      lastSeq: 12,
      bids: [
        ["100.0", "5"],
        ["99.5", "0"],
      ],
      asks: [["100.75", "1"]],
    });
    expect(book.seq).toBe(12);
    expect(sortedLevels(book.bids, "bids", 10)).toEqual([["100.0", "5"]]);
    expect(sortedLevels(book.asks, "asks", 10).map(([p]) => p)).toEqual([
      "100.50",
      "100.75",
      "101.00",
    ]);
  });

  it("ignores a diff wholly older than the snapshot and applies one that straddles it", () => {
    expect(applyDiff(snapshot(), { firstSeq: 8, lastSeq: 10, bids: [], asks: [] })).toEqual({
      status: "stale",
    });
    const book = applied(snapshot(), {
      firstSeq: 9,
      lastSeq: 11,
      bids: [],
      asks: [["101.00", "0"]],
    });
    expect(book.seq).toBe(11);
    expect(book.asks.size).toBe(1);
  });

  it("reports a gap instead of applying a diff that skips changes", () => {
    expect(applyDiff(snapshot(), { firstSeq: 12, lastSeq: 12, bids: [], asks: [] })).toEqual({
      status: "gap",
      expectedSeq: 11,
      firstSeq: 12,
    });
  });

  it("leaves the previous book untouched (React state stays immutable)", () => {
    const before = snapshot();
    applied(before, { firstSeq: 11, lastSeq: 11, bids: [["100.00", "0"]], asks: [] });
    expect(before.bids.size).toBe(2);
  });
});
