import { describe, expect, it } from "vitest";
import { Account, Asset, FeeTier, Market, Order } from "../../../model";
import { Prng } from "../../../simulation/prng";
import type { Side } from "../../../types";
import { FastBook } from "./fast-book";
import { NaiveBook } from "./naive-book";
import type { OrderBook } from "./order-book";
import { SortedTriggerBook } from "./trigger-book";

const BOOKS: [string, () => OrderBook][] = [
  ["fast", () => new FastBook()],
  ["naive", () => new NaiveBook()],
];

const base = new Asset("BTC", 8, 10n ** 30n, 0);
const quote = new Asset("USDT", 6, 10n ** 30n, 1);
const config = {
  symbol: "BTCUSDT",
  base: "BTC",
  quote: "USDT",
  tickSizeAtoms: 10_000n,
  lotSizeAtoms: 10_000n,
  minQtyLots: 1n,
  maxQtyLots: 1_000n,
  minNotionalAtoms: 0n,
  maxPriceTicks: 10n ** 12n,
  maxNotionalAtoms: 10n ** 18n,
  maxOpenOrders: 200,
  makerFeePpm: 0,
  takerFeePpm: 0,
  status: "trading" as const,
};

function orderFactory(book: OrderBook) {
  const market = new Market(config, base, quote, book, 0, new SortedTriggerBook());
  const account = new Account(1, new FeeTier(0, 1_000_000, 1_000_000));
  let nextId = 1;
  return (side: Side, priceTicks: bigint, qtyLots: bigint): Order =>
    new Order(nextId++, account, market, {
      side,
      orderType: "limit",
      priceTicks,
      qtyLots,
      quoteAtoms: 0n,
      timeInForce: "GTC",
      postOnly: false,
      stp: "none",
      clientOrderId: null,
      ts: 0,
    });
}

/** Every order of a side in priority order, walked with best / next. */
function walk(book: OrderBook, side: Side): number[] {
  const ids: number[] = [];
  for (let o = book.best(side); o !== null; o = book.next(o)) ids.push(o.id);
  return ids;
}

describe.each(BOOKS)("%s book", (_name, create) => {
  it("orders bids high to low and asks low to high, ties by arrival", () => {
    const book = create();
    const order = orderFactory(book);
    const bids = [
      order("buy", 100n, 1n),
      order("buy", 101n, 1n),
      order("buy", 100n, 1n),
      order("buy", 99n, 1n),
    ];
    const asks = [order("sell", 105n, 1n), order("sell", 103n, 1n), order("sell", 103n, 1n)];
    for (const o of [...bids, ...asks]) book.add(o);
    expect(walk(book, "buy")).toEqual([2, 1, 3, 4]);
    expect(walk(book, "sell")).toEqual([6, 7, 5]);
    expect(book.depth("buy", 2)).toEqual([
      { priceTicks: 101n, qtyLots: 1n },
      { priceTicks: 100n, qtyLots: 2n },
    ]);
  });

  it("keeps level totals through add, fill and remove, and drops empty levels", () => {
    const book = create();
    const order = orderFactory(book);
    const a = order("sell", 50n, 5n);
    const b = order("sell", 50n, 7n);
    expect(book.add(a)).toBe(5n);
    expect(book.add(b)).toBe(12n);
    expect(book.fill(a, 2n)).toBe(10n);
    expect(a.remainingLots).toBe(3n);
    expect(book.fill(a, 3n)).toBe(7n);
    expect(book.best("sell")).toBe(b);
    expect(book.remove(b)).toBe(0n);
    expect(book.best("sell")).toBeNull();
    expect(book.levelLots("sell", 50n)).toBe(0n);
    expect(book.depth("sell", 5)).toEqual([]);
  });

  it("refuses to fill more than an order has", () => {
    const book = create();
    const order = orderFactory(book)("buy", 10n, 2n);
    book.add(order);
    expect(() => book.fill(order, 3n)).toThrow(/invariant/);
  });
});

describe("fast and naive books", () => {
  it("agree on priority, levels and depth under random operations", () => {
    const prng = new Prng(11);
    const fast = new FastBook();
    const naive = new NaiveBook();
    const makeFast = orderFactory(fast);
    const makeNaive = orderFactory(naive);
    const resting: [Order, Order][] = [];
    for (let i = 0; i < 20_000; i++) {
      const draw = prng.next();
      if (draw < 0.5 || resting.length === 0) {
        const side: Side = prng.chance(0.5) ? "buy" : "sell";
        // Wide prices exercise the binary search, near ones the scan from the touch.
        const price = BigInt(prng.chance(0.8) ? prng.int(990, 1_010) : prng.int(1, 5_000));
        const qty = prng.bigint(1, 20);
        const pair: [Order, Order] = [makeFast(side, price, qty), makeNaive(side, price, qty)];
        expect(fast.add(pair[0])).toBe(naive.add(pair[1]));
        resting.push(pair);
      } else {
        const index = prng.int(0, resting.length - 1);
        const [f, n] = resting[index] as [Order, Order];
        const lots = prng.bigint(1, Number(f.remainingLots));
        const done = lots === f.remainingLots || prng.chance(0.4);
        expect(done ? fast.remove(f) : fast.fill(f, lots)).toBe(
          done ? naive.remove(n) : naive.fill(n, lots),
        );
        if (done || f.remainingLots === 0n) resting.splice(index, 1);
      }
      if (i % 500 === 0) {
        for (const side of ["buy", "sell"] as const) {
          expect(walk(fast, side)).toEqual(walk(naive, side));
          expect(fast.depth(side, 50)).toEqual(naive.depth(side, 50));
        }
      }
    }
  }, 30_000);
});
