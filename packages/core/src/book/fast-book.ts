import { assert } from "../assert";
import type { Order } from "../model";
import type { Side } from "../types";
import type { BookLevel, OrderBook } from "./order-book";

/** All orders at one price, oldest first, in an intrusive doubly-linked list. */
export class PriceLevel {
  readonly priceTicks: bigint;
  /** Sum of `remainingLots` of the orders here. */
  lots = 0n;
  head: Order | null = null;
  tail: Order | null = null;

  constructor(priceTicks: bigint) {
    this.priceTicks = priceTicks;
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

  best(): PriceLevel | undefined {
    return this.levels[this.levels.length - 1];
  }

  private isBetter(a: bigint, b: bigint): boolean {
    return this.isBuy ? a > b : a < b;
  }

  /** Number of levels at or worse than `priceTicks`: where a level at that price belongs. */
  countNotBetter(priceTicks: bigint): number {
    const levels = this.levels;
    let end = levels.length;
    const scanStop = end - LINEAR_SCAN_LEVELS;
    while (end > 0 && end > scanStop) {
      if (!this.isBetter((levels[end - 1] as PriceLevel).priceTicks, priceTicks)) return end;
      end--;
    }
    let lo = 0;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.isBetter((levels[mid] as PriceLevel).priceTicks, priceTicks)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  find(priceTicks: bigint): PriceLevel | undefined {
    const level = this.levels[this.countNotBetter(priceTicks) - 1];
    return level !== undefined && level.priceTicks === priceTicks ? level : undefined;
  }

  levelFor(priceTicks: bigint): PriceLevel {
    const levels = this.levels;
    const position = this.countNotBetter(priceTicks);
    const existing = levels[position - 1];
    if (existing !== undefined && existing.priceTicks === priceTicks) return existing;
    const level = new PriceLevel(priceTicks);
    if (position === levels.length) levels.push(level);
    else levels.splice(position, 0, level);
    return level;
  }

  dropLevel(level: PriceLevel): void {
    const levels = this.levels;
    if (levels[levels.length - 1] === level) {
      levels.pop();
      return;
    }
    const index = this.countNotBetter(level.priceTicks) - 1;
    assert(levels[index] === level, "fast book: level not where its price says");
    levels.splice(index, 1);
  }

  /** The best order of the level just worse than `level`, or null. */
  headAfter(level: PriceLevel): Order | null {
    const worse = this.levels[this.countNotBetter(level.priceTicks) - 2];
    return worse === undefined ? null : worse.head;
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
    order.remainingLots -= lots;
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

function levelOf(order: Order): PriceLevel {
  const level = order.level;
  assert(level instanceof PriceLevel, "fast book: order is not resting");
  return level;
}
