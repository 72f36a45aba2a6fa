import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Prng } from "../../simulation/prng";
import {
  type LiquidationIndex,
  NaiveLiquidationIndex,
  NEVER_LIQUIDATED,
  type PositionSide,
  SortedLiquidationIndex,
} from "./liquidation-index";

/** Both implementations, the sorted one with default and with tiny blocks (splits everywhere). */
function indexes(): LiquidationIndex<number>[] {
  return [
    new SortedLiquidationIndex<number>(),
    new SortedLiquidationIndex<number>(2),
    new NaiveLiquidationIndex<number>(),
  ];
}

describe("liquidation index", () => {
  it("a long at 45 250 is found when the mark falls to 45 250, not while it is at 45 251", () => {
    for (const index of indexes()) {
      index.set(1, "long", 45_250n);
      expect(index.crossed(45_251n)).toEqual([]);
      expect(index.crossed(45_250n)).toEqual([1]);
      expect(index.crossed(40_000n)).toEqual([1]);
    }
  });

  it("a short at 55 000 is found when the mark rises to 55 000, not while it is at 54 999", () => {
    for (const index of indexes()) {
      index.set(7, "short", 55_000n);
      expect(index.crossed(54_999n)).toEqual([]);
      expect(index.crossed(55_000n)).toEqual([7]);
      expect(index.crossed(60_000n)).toEqual([7]);
    }
  });

  it("answers longs highest price first, then shorts lowest first, equal prices by key", () => {
    for (const index of indexes()) {
      index.set(5, "long", 100n);
      index.set(2, "long", 100n);
      index.set(9, "long", 120n);
      index.set(1, "long", 90n); // not crossed at 95
      index.set(4, "short", 95n);
      index.set(3, "short", 80n);
      index.set(8, "short", 80n);
      index.set(6, "short", 96n); // not crossed at 95
      expect(index.crossed(95n)).toEqual([9, 2, 5, 3, 8, 4]);
      expect(index.size).toBe(8);
    }
  });

  it("crossing leaves the positions in: the caller removes or moves each one", () => {
    for (const index of indexes()) {
      index.set(1, "long", 100n);
      index.set(2, "long", 99n);
      expect(index.crossed(99n)).toEqual([1, 2]);
      expect(index.crossed(99n)).toEqual([1, 2]);
      expect(index.remove(1)).toBe(true);
      index.set(2, "long", 80n); // a margin top-up moved it away
      expect(index.crossed(99n)).toEqual([]);
      expect(index.priceOf(2)).toBe(80n);
      expect(index.size).toBe(1);
    }
  });

  it("a liquidation price of 0 means never: the position is not indexed, or taken out", () => {
    for (const index of indexes()) {
      index.set(1, "long", NEVER_LIQUIDATED);
      expect(index.size).toBe(0);
      expect(index.crossed(1n)).toEqual([]);
      index.set(1, "long", 50n);
      index.set(1, "long", NEVER_LIQUIDATED);
      expect(index.size).toBe(0);
      expect(index.priceOf(1)).toBe(NEVER_LIQUIDATED);
      expect(index.remove(1)).toBe(false);
    }
  });

  it("a position that flips from long to short moves to the other side", () => {
    for (const index of indexes()) {
      index.set(1, "long", 100n);
      index.set(1, "short", 110n);
      expect(index.size).toBe(1);
      expect(index.crossed(100n)).toEqual([]);
      expect(index.crossed(110n)).toEqual([1]);
    }
  });

  it("refuses a negative price and a key that is not a safe integer", () => {
    const index = new SortedLiquidationIndex<number>();
    expect(() => index.set(1, "long", -1n)).toThrow(/negative/);
    expect(() => index.set(Number.NaN, "long", 1n)).toThrow(/safe integer/);
    expect(() => new NaiveLiquidationIndex<number>().set(1, "short", -1n)).toThrow(/negative/);
  });

  it("takes string keys, ordered by code unit", () => {
    for (const index of [
      new SortedLiquidationIndex<string>(),
      new NaiveLiquidationIndex<string>(),
    ]) {
      index.set("u2:ETH", "short", 10n);
      index.set("u10:ETH", "short", 10n);
      expect(index.crossed(10n)).toEqual(["u10:ETH", "u2:ETH"]);
    }
  });

  it("prices beyond 2^53 (which round alike as numbers) still compare exactly", () => {
    const big = 2n ** 60n;
    for (const index of indexes()) {
      index.set(1, "long", big + 1n);
      index.set(2, "long", big);
      index.set(3, "short", big + 1n);
      index.set(4, "short", big);
      expect(index.crossed(big + 1n)).toEqual([1, 4, 3]);
      expect(index.crossed(big)).toEqual([1, 2, 4]);
    }
  });

  it("answers the same whatever order 5 000 positions were indexed in", () => {
    const prng = new Prng(20);
    const positions = Array.from({ length: 5_000 }, (_, key) => ({
      key,
      side: (prng.chance(0.5) ? "long" : "short") as PositionSide,
      priceTicks: prng.bigint(0, 2_000),
    }));
    const shuffled = [...positions];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = prng.int(0, i);
      [shuffled[i], shuffled[j]] = [
        shuffled[j] as (typeof shuffled)[0],
        shuffled[i] as (typeof shuffled)[0],
      ];
    }
    const inOrder = new SortedLiquidationIndex<number>();
    const outOfOrder = new SortedLiquidationIndex<number>();
    const naive = new NaiveLiquidationIndex<number>();
    for (const p of positions) inOrder.set(p.key, p.side, p.priceTicks);
    for (const p of shuffled) outOfOrder.set(p.key, p.side, p.priceTicks);
    for (const p of positions) naive.set(p.key, p.side, p.priceTicks);
    expect(outOfOrder.size).toBe(inOrder.size);
    for (const mark of [0n, 1n, 500n, 1_000n, 1_999n, 2_000n, 2_001n]) {
      const answer = inOrder.crossed(mark);
      expect(outOfOrder.crossed(mark)).toEqual(answer);
      expect(naive.crossed(mark)).toEqual(answer);
    }
  });
});

type Op =
  | { op: "set"; key: number; side: PositionSide; price: bigint }
  | { op: "remove"; key: number }
  | { op: "crossed"; mark: bigint };

/** Few keys and prices, so that moves, re-sets and ties happen all the time. */
function opArb(keys: number): fc.Arbitrary<Op> {
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        op: fc.constant("set" as const),
        key: fc.nat(keys - 1),
        side: fc.constantFrom<PositionSide>("long", "short"),
        // 0n (never liquidated) about one time in 31.
        price: fc.bigInt({ min: 0n, max: 30n }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ op: fc.constant("remove" as const), key: fc.nat(keys - 1) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant("crossed" as const),
        mark: fc.bigInt({ min: 0n, max: 31n }),
      }),
    },
  );
}

/** Every answer of the index to the operations, and its size and prices after each one. */
function run(index: LiquidationIndex<number>, ops: readonly Op[], keys: number): unknown[] {
  const answers: unknown[] = [];
  for (const op of ops) {
    if (op.op === "set") index.set(op.key, op.side, op.price);
    else if (op.op === "remove") answers.push(index.remove(op.key));
    else answers.push(index.crossed(op.mark));
    answers.push(index.size);
  }
  for (let key = 0; key < keys; key++) answers.push(index.priceOf(key));
  return answers;
}

describe("liquidation indexes under random operations", () => {
  it("the sorted index answers every sequence of set, move, remove, crossed as the naive one", () => {
    fc.assert(
      fc.property(fc.array(opArb(12), { maxLength: 120 }), (ops) => {
        const expected = run(new NaiveLiquidationIndex<number>(), ops, 12);
        expect(run(new SortedLiquidationIndex<number>(), ops, 12)).toEqual(expected);
        expect(run(new SortedLiquidationIndex<number>(2), ops, 12)).toEqual(expected);
        expect(run(new SortedLiquidationIndex<number>(3), ops, 12)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("and so with hundreds of positions, across many blocks", () => {
    fc.assert(
      fc.property(fc.array(opArb(400), { minLength: 500, maxLength: 1_500 }), (ops) => {
        const expected = run(new NaiveLiquidationIndex<number>(), ops, 400);
        expect(run(new SortedLiquidationIndex<number>(), ops, 400)).toEqual(expected);
        expect(run(new SortedLiquidationIndex<number>(4), ops, 400)).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });
});
