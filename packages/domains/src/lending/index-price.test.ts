import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  combineSamples,
  INDEX_HEARTBEAT_MS,
  IndexWindow,
  indexAgeMs,
  indexSendDue,
  isIndexStale,
  type MarketQuote,
  medianOf,
  midOf,
  sampleOf,
  withinBand,
} from "./index-price";

/** 30 000 USDT with USDT's 6 decimals: quote atoms per whole BTC. */
const USDT = 1_000_000n;
const price = fc.bigInt({ min: 1n, max: 10n ** 30n });
const quote = (bid: bigint | null, ask: bigint | null, last: bigint | null): MarketQuote => ({
  bestBidAtoms: bid,
  bestAskAtoms: ask,
  lastTradeAtoms: last,
});

describe("one moment's sample", () => {
  it("is the mid of a two-sided book near the last trade", () => {
    const sample = sampleOf(quote(29_990n * USDT, 30_010n * USDT, 30_000n * USDT));
    expect(sample).toEqual({ priceAtoms: 30_000n * USDT, method: "mid" });
  });

  it("is the last trade when the mid is more than 5 % away from it", () => {
    // Mid 31 600: 5.33 % above the last trade — a book pulled to one side.
    const sample = sampleOf(quote(30_000n * USDT, 33_200n * USDT, 30_000n * USDT));
    expect(sample).toEqual({ priceAtoms: 30_000n * USDT, method: "last" });
  });

  it("takes a mid exactly 5 % away, and not one atom further", () => {
    const last = 30_000n * USDT;
    const edge = 31_500n * USDT;
    expect(sampleOf(quote(edge, edge, last))?.method).toBe("mid");
    expect(sampleOf(quote(edge + 1n, edge + 1n, last))?.method).toBe("last");
    const low = 28_500n * USDT;
    expect(sampleOf(quote(low, low, last))?.method).toBe("mid");
    expect(sampleOf(quote(low - 1n, low - 1n, last))?.method).toBe("last");
  });

  it("is the last trade when a side of the book is empty", () => {
    expect(sampleOf(quote(null, 30_010n * USDT, 30_000n * USDT))?.method).toBe("last");
    expect(sampleOf(quote(29_990n * USDT, null, 30_000n * USDT))?.method).toBe("last");
  });

  it("is nothing before the market's first trade", () => {
    expect(sampleOf(quote(29_990n * USDT, 30_010n * USDT, null))).toBeNull();
  });

  it("rounds a half-atom mid down (a lower index errs on the exchange's side)", () => {
    expect(midOf(quote(100n, 101n, null))).toBe(100n);
  });

  it("is always the mid or the last trade, and a mid is always within the band", () => {
    fc.assert(
      fc.property(price, price, price, (a, b, last) => {
        const [bid, ask] = a <= b ? [a, b] : [b, a];
        const sample = sampleOf(quote(bid, ask, last));
        expect(sample).not.toBeNull();
        if (sample?.method === "mid") {
          expect(sample.priceAtoms).toBeGreaterThanOrEqual(bid);
          expect(sample.priceAtoms).toBeLessThanOrEqual(ask);
          expect(withinBand(sample.priceAtoms, last)).toBe(true);
        } else {
          expect(sample?.priceAtoms).toBe(last);
        }
      }),
    );
  });

  it("never takes the mid of a crossed book", () => {
    fc.assert(
      fc.property(price, price, price, (a, b, last) => {
        fc.pre(a !== b);
        const [bid, ask] = a > b ? [a, b] : [b, a];
        expect(sampleOf(quote(bid, ask, last))).toEqual({ priceAtoms: last, method: "last" });
      }),
    );
  });
});

describe("the median", () => {
  it("is the middle sample, the lower middle for an even count", () => {
    expect(medianOf([5n, 1n, 3n])).toBe(3n);
    expect(medianOf([4n, 1n, 3n, 2n])).toBe(2n);
    expect(medianOf([])).toBeNull();
  });

  it("is one of the samples, with as many at or above it as below it", () => {
    fc.assert(
      fc.property(fc.array(price, { minLength: 1, maxLength: 20 }), (prices) => {
        const median = medianOf(prices) as bigint;
        expect(prices).toContain(median);
        const atOrAbove = prices.filter((p) => p >= median).length;
        const below = prices.filter((p) => p < median).length;
        expect(atOrAbove).toBeGreaterThanOrEqual(below);
        expect(prices.filter((p) => p <= median).length).toBeGreaterThanOrEqual(
          Math.ceil(prices.length / 2),
        );
      }),
    );
  });

  it("is not moved by one wild sample in a full window of five", () => {
    fc.assert(
      fc.property(fc.array(price, { minLength: 4, maxLength: 4 }), price, (steady, wick) => {
        const window = new IndexWindow(5);
        for (const p of steady) window.add(p);
        window.add(wick);
        const sorted = [...steady].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const index = window.index() as bigint;
        expect(index).toBeGreaterThanOrEqual(sorted[1] as bigint);
        expect(index).toBeLessThanOrEqual(sorted[2] as bigint);
      }),
    );
  });

  it("holds only the last samples of the window", () => {
    const window = new IndexWindow(3);
    for (const p of [100n, 100n, 100n, 1n, 2n, 3n]) window.add(p);
    expect(window.count).toBe(3);
    expect(window.index()).toBe(2n);
    window.clear();
    expect(window.index()).toBeNull();
  });
});

describe("several sources", () => {
  it("take the median of the sources that had a sample", () => {
    expect(
      combineSamples([
        { priceAtoms: 30_000n, method: "mid" },
        null,
        { priceAtoms: 29_000n, method: "last" },
        { priceAtoms: 31_000n, method: "mid" },
      ]),
    ).toEqual({ priceAtoms: 30_000n, method: "mid" });
    expect(combineSamples([null, null])).toBeNull();
  });

  it("with one source, are that source", () => {
    fc.assert(
      fc.property(price, fc.constantFrom("mid" as const, "last" as const), (p, method) => {
        expect(combineSamples([{ priceAtoms: p, method }])).toEqual({ priceAtoms: p, method });
      }),
    );
  });
});

describe("sending to the engine", () => {
  it("sends the first index, every change, and an unchanged one each heartbeat", () => {
    expect(indexSendDue(null, 5n, 1_000)).toBe(true);
    const last = { priceAtoms: 5n, atMs: 1_000 };
    expect(indexSendDue(last, 5n, 2_000)).toBe(false);
    expect(indexSendDue(last, 6n, 2_000)).toBe(true);
    expect(indexSendDue(last, 5n, 1_000 + INDEX_HEARTBEAT_MS - 1)).toBe(false);
    expect(indexSendDue(last, 5n, 1_000 + INDEX_HEARTBEAT_MS)).toBe(true);
  });

  it("never sends a time that is not newer than the engine's (it would refuse it)", () => {
    fc.assert(
      fc.property(price, price, fc.nat(), fc.nat(), (held, next, atMs, back) => {
        expect(indexSendDue({ priceAtoms: held, atMs }, next, atMs - back)).toBe(false);
      }),
    );
  });

  it("keeps the engine's copy fresh: a live market's index is never unsent for 30 s", () => {
    fc.assert(
      fc.property(fc.array(price, { minLength: 1, maxLength: 120 }), (prices) => {
        let sent: { priceAtoms: bigint; atMs: number } | null = null;
        prices.forEach((p, second) => {
          const now = second * 1_000;
          if (sent) expect(isIndexStale(now - sent.atMs)).toBe(false);
          if (indexSendDue(sent, p, now)) sent = { priceAtoms: p, atMs: now };
        });
      }),
    );
  });
});

describe("staleness", () => {
  it("counts from the last index, or from the start when there was none", () => {
    expect(indexAgeMs(10_000, 0, 25_000)).toBe(15_000);
    expect(indexAgeMs(null, 5_000, 40_000)).toBe(35_000);
    expect(isIndexStale(30_000)).toBe(false);
    expect(isIndexStale(30_001)).toBe(true);
  });
});
