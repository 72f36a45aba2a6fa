import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Account, Asset, FeeTier, Market, Order, STOP_LOSS, TAKE_PROFIT } from "../../../model";
import type { Side } from "../../../types";
import { NaiveBook } from "./naive-book";
import { NaiveTriggerBook, SortedTriggerBook, type TriggerBook } from "./trigger-book";

const base = new Asset("BTC", 8, 10n ** 30n, 0);
const quote = new Asset("USDT", 6, 10n ** 30n, 1);
const market = new Market(
  {
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
    status: "trading",
  },
  base,
  quote,
  new NaiveBook(),
  0,
  new SortedTriggerBook(),
);
const account = new Account(1, new FeeTier(0, 1_000_000, 1_000_000));

function stopOrder(id: number, side: Side, kind: number, stopPriceTicks: bigint): Order {
  const order = new Order(id, account, market, {
    side,
    orderType: "limit",
    priceTicks: stopPriceTicks,
    qtyLots: 1n,
    quoteAtoms: 0n,
    timeInForce: "GTC",
    postOnly: false,
    stp: "none",
    clientOrderId: null,
    ts: 0,
  });
  order.stopKind = kind;
  order.stopPriceTicks = stopPriceTicks;
  return order;
}

type Op =
  | { op: "add"; side: Side; kind: number; stop: bigint }
  | { op: "remove"; pick: number }
  | { op: "pop"; low: bigint; high: bigint };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("add" as const),
      side: fc.constantFrom<Side>("buy", "sell"),
      kind: fc.constantFrom(STOP_LOSS, TAKE_PROFIT),
      stop: fc.bigInt({ min: 90n, max: 110n }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("remove" as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.bigInt({ min: 85n, max: 115n }), fc.bigInt({ min: 0n, max: 10n }))
      .map(([low, width]) => ({ op: "pop" as const, low, high: low + width })),
  },
);

/** Runs the operations on a book; returns what every pop answered (order ids, 0 for none). */
function run(book: TriggerBook, ops: readonly Op[]): number[] {
  const answers: number[] = [];
  const waiting: Order[] = [];
  ops.forEach((op, i) => {
    if (op.op === "add") {
      const order = stopOrder(i + 1, op.side, op.kind, op.stop);
      book.add(order);
      waiting.push(order);
    } else if (op.op === "remove") {
      const order = waiting.splice(op.pick % Math.max(waiting.length, 1), 1)[0];
      if (order !== undefined) book.remove(order);
    } else {
      const order = book.popCrossed(op.low, op.high);
      answers.push(order?.id ?? 0);
      if (order !== null) waiting.splice(waiting.indexOf(order), 1);
    }
  });
  return answers;
}

describe("trigger books", () => {
  it("the sorted book answers every sequence of operations as the naive one does", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        expect(run(new SortedTriggerBook(), ops)).toEqual(run(new NaiveTriggerBook(), ops));
      }),
      { numRuns: 300 },
    );
  });

  it("takes the rising side first, lowest stop first, then the falling side, highest first", () => {
    for (const book of [new SortedTriggerBook(), new NaiveTriggerBook()]) {
      // Rising: stop-loss buys and take-profit sells; falling: stop-loss sells, take-profit buys.
      book.add(stopOrder(1, "buy", STOP_LOSS, 105n));
      book.add(stopOrder(2, "sell", TAKE_PROFIT, 102n));
      book.add(stopOrder(3, "sell", STOP_LOSS, 95n));
      book.add(stopOrder(4, "buy", TAKE_PROFIT, 98n));
      book.add(stopOrder(5, "buy", STOP_LOSS, 102n));
      book.add(stopOrder(6, "buy", STOP_LOSS, 120n));
      const popped: number[] = [];
      for (let o = book.popCrossed(90n, 110n); o !== null; o = book.popCrossed(90n, 110n)) {
        popped.push(o.id);
      }
      expect(popped).toEqual([2, 5, 1, 4, 3]);
      expect(book.values().map((o) => o.id)).toEqual([6]);
    }
  });
});
