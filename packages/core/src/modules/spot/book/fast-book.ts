import { assert } from "../../../assert";
import type { Order } from "../../../model";
import type { Side } from "../../../types";
import type { BookLevel, OrderBook } from "./order-book";

/** All orders at one price, oldest first, in an intrusive doubly-linked list. */
export class PriceLevel {
  // Assigned in the constructor rather than as class fields, like `Order` (see there).
  declare readonly priceTicks: bigint;
  /** The level's {@link BookSide.rankOf}: a number to search levels by (see there). */
  declare readonly rank: number;
  /** Sum of `remainingLots` of the orders here. */
  declare lots: bigint;
  declare head: Order | null;
  declare tail: Order | null;

  constructor(priceTicks: bigint, rank: number) {
    this.priceTicks = priceTicks;
    this.rank = rank;
    this.lots = 0n;
    this.head = null;
    this.tail = null;
  }
}

/** Levels scanned one by one from the touch before switching to binary search. */
const LINEAR_SCAN_LEVELS = 8;

/**
 * One side of the book. Levels sit in an array ordered worst → best, so the best level is the
 * last element: reading it is O(1), and the common changes — a level emptied by matching, a new
 * level at the touch — are a pop or a push. Prices are found by scanning from the touch, where
 * nearly all activity is, then by binary search: no hash map to churn as levels come and go.
 */
class BookSide {
  readonly levels: PriceLevel[] = [];
  readonly isBuy: boolean;

  constructor(isBuy: boolean) {
    this.isBuy = isBuy;
  }

  // Array reads below never use a negative index: V8 treats `a[-1]` as a property lookup by
  // name and turns the access site megamorphic, which costs more than the whole operation.

  best(): PriceLevel | undefined {
    const count = this.levels.length;
    return count === 0 ? undefined : this.levels[count - 1];
  }

  private isBetter(a: bigint, b: bigint): boolean {
    return this.isBuy ? a > b : a < b;
  }

  /**
   * A price as a number that grows with how good the price is on this side: the price for bids,
   * its negation for asks. `Number()` rounds monotonically, so two prices whose ranks differ
   * compare exactly as their ranks do; only equal ranks (equal prices, or prices beyond 2^53
   * that round alike) need the bigint comparison. Comparing numbers costs a few instructions,
   * a bigint comparison in this V8 several dozen (type, length, sign and 64-bit range checks).
   */
  rankOf(priceTicks: bigint): number {
    return this.isBuy ? Number(priceTicks) : -Number(priceTicks);
  }

  /** Whether `level` is strictly better than the price `priceTicks` of rank `rank`. */
  private beats(level: PriceLevel, priceTicks: bigint, rank: number): boolean {
    const levelRank = level.rank;
    return levelRank !== rank ? levelRank > rank : this.isBetter(level.priceTicks, priceTicks);
  }

  /** Number of levels at or worse than `priceTicks`: where a level at that price belongs. */
  countNotBetter(priceTicks: bigint, rank: number): number {
    const levels = this.levels;
    let end = levels.length;
    const scanStop = end - LINEAR_SCAN_LEVELS;
    while (end > 0 && end > scanStop) {
      if (!this.beats(levels[end - 1] as PriceLevel, priceTicks, rank)) return end;
      end--;
    }
    let lo = 0;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.beats(levels[mid] as PriceLevel, priceTicks, rank)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  find(priceTicks: bigint): PriceLevel | undefined {
    const position = this.countNotBetter(priceTicks, this.rankOf(priceTicks));
    const level = position === 0 ? undefined : this.levels[position - 1];
    return level !== undefined && level.priceTicks === priceTicks ? level : undefined;
  }

  levelFor(priceTicks: bigint): PriceLevel {
    const levels = this.levels;
    const rank = this.rankOf(priceTicks);
    const position = this.countNotBetter(priceTicks, rank);
    const existing = position === 0 ? undefined : levels[position - 1];
    if (existing !== undefined && existing.priceTicks === priceTicks) return existing;
    const level = new PriceLevel(priceTicks, rank);
    insertAt(levels, position, level);
    return level;
  }

  dropLevel(level: PriceLevel): void {
    const levels = this.levels;
    if (this.best() === level) {
      levels.pop();
      return;
    }
    const index = this.countNotBetter(level.priceTicks, level.rank) - 1;
    assert(levels[index] === level, "fast book: level not where its price says");
    removeAt(levels, index);
  }

  /** The best order of the level just worse than `level`, or null. */
  headAfter(level: PriceLevel): Order | null {
    const index = this.countNotBetter(level.priceTicks, level.rank) - 2;
    return index < 0 ? null : (this.levels[index] as PriceLevel).head;
  }
}

/** The production book: see {@link BookSide}. Every operation is O(1) at the touch. */
export class FastBook implements OrderBook {
  private readonly bids = new BookSide(true);
  private readonly asks = new BookSide(false);

  private sideOf(side: Side): BookSide {
    return side === "buy" ? this.bids : this.asks;
  }

  best(side: Side): Order | null {
    const level = this.sideOf(side).best();
    return level === undefined ? null : level.head;
  }

  next(order: Order): Order | null {
    if (order.next !== null) return order.next;
    return this.sideOf(order.side).headAfter(levelOf(order));
  }

  add(order: Order): bigint {
    const level = this.sideOf(order.side).levelFor(order.priceTicks);
    order.level = level;
    order.prev = level.tail;
    order.next = null;
    if (level.tail === null) level.head = order;
    else level.tail.next = order;
    level.tail = order;
    level.lots += order.remainingLots;
    return level.lots;
  }

  remove(order: Order): bigint {
    const level = levelOf(order);
    level.lots -= order.remainingLots;
    return this.unlink(order, level);
  }

  fill(order: Order, lots: bigint): bigint {
    const level = levelOf(order);
    assert(lots > 0n && lots <= order.remainingLots, "fast book: fill larger than the order");
    // The shared 0n for a filled order: no new bigint, no write barrier (see `less`).
    order.remainingLots = order.remainingLots === lots ? 0n : order.remainingLots - lots;
    level.lots -= lots;
    return order.remainingLots === 0n ? this.unlink(order, level) : level.lots;
  }

  levelLots(side: Side, priceTicks: bigint): bigint {
    const level = this.sideOf(side).find(priceTicks);
    return level === undefined ? 0n : level.lots;
  }

  depth(side: Side, limit: number): BookLevel[] {
    const levels = this.sideOf(side).levels;
    const out: BookLevel[] = [];
    for (let i = levels.length - 1; i >= 0 && out.length < limit; i--) {
      const level = levels[i] as PriceLevel;
      out.push({ priceTicks: level.priceTicks, qtyLots: level.lots });
    }
    return out;
  }

  private unlink(order: Order, level: PriceLevel): bigint {
    const { prev, next } = order;
    if (prev === null) level.head = next;
    else prev.next = next;
    if (next === null) level.tail = prev;
    else next.prev = prev;
    order.prev = null;
    order.next = null;
    order.level = null;
    if (level.head === null) {
      assert(level.lots === 0n, "fast book: empty level with lots");
      this.sideOf(order.side).dropLevel(level);
    }
    return level.lots;
  }
}

/**
 * Inserts by shifting the tail by hand: changes happen near the touch, at the end of the array,
 * where a short loop beats `splice` (a builtin call with generic argument handling).
 */
function insertAt(levels: PriceLevel[], index: number, level: PriceLevel): void {
  levels.push(level);
  for (let i = levels.length - 1; i > index; i--) levels[i] = levels[i - 1] as PriceLevel;
  levels[index] = level;
}

function removeAt(levels: PriceLevel[], index: number): void {
  for (let i = index; i < levels.length - 1; i++) levels[i] = levels[i + 1] as PriceLevel;
  levels.pop();
}

function levelOf(order: Order): PriceLevel {
  const level = order.level;
  assert(level instanceof PriceLevel, "fast book: order is not resting");
  return level;
}
