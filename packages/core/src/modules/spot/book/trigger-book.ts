import { assert } from "../../../assert";
import { type Order, triggersOnRise } from "../../../model";

/**
 * Where a market's untriggered stop and take-profit orders wait, by trigger price. Two sides:
 * orders that trigger on a rise (last ≥ stop: stop-loss buys, take-profit sells) and orders that
 * trigger on a fall (last ≤ stop: stop-loss sells, take-profit buys).
 *
 * `popCrossed(low, high)` takes out the next order that trades between `low` and `high` crossed:
 * first the rise side, lowest stop first (the one the rising price met first), then the fall
 * side, highest stop first; equal stops in priority (placement) order. Matching calls it after
 * each command's trades until it answers null, so the order in which one command triggers
 * several orders is fixed by these rules alone.
 */
export interface TriggerBook {
  add(order: Order): void;
  remove(order: Order): void;
  popCrossed(lowTicks: bigint, highTicks: bigint): Order | null;
  /** Every waiting order, in no particular order (snapshots sort them). */
  values(): Order[];
}

/**
 * `a` comes before `b` on its side: the better trigger price for its direction, then the older
 * priority. Used by both books, so they agree by construction on ties.
 */
function triggersBefore(a: Order, b: Order, rise: boolean): boolean {
  if (a.stopPriceTicks !== b.stopPriceTicks) {
    return rise ? a.stopPriceTicks < b.stopPriceTicks : a.stopPriceTicks > b.stopPriceTicks;
  }
  return a.priority < b.priority;
}

/**
 * The production trigger book: per side an array sorted worst first, so the next order to
 * trigger is the last element (O(1) to test and pop); insertion and removal find their place by
 * binary search (the splice moves the elements behind it, a memory move).
 */
export class SortedTriggerBook implements TriggerBook {
  private readonly rise: Order[] = [];
  private readonly fall: Order[] = [];

  add(order: Order): void {
    const rise = triggersOnRise(order);
    const side = rise ? this.rise : this.fall;
    side.splice(this.placeOf(side, order, rise), 0, order);
  }

  remove(order: Order): void {
    const rise = triggersOnRise(order);
    const side = rise ? this.rise : this.fall;
    const index = this.placeOf(side, order, rise) - 1;
    assert(side[index] === order, "trigger book: removing an order it does not hold");
    side.splice(index, 1);
  }

  popCrossed(lowTicks: bigint, highTicks: bigint): Order | null {
    const rise = this.rise;
    const nextRise = rise[rise.length - 1];
    if (nextRise !== undefined && nextRise.stopPriceTicks <= highTicks) return rise.pop() ?? null;
    const fall = this.fall;
    const nextFall = fall[fall.length - 1];
    if (nextFall !== undefined && nextFall.stopPriceTicks >= lowTicks) return fall.pop() ?? null;
    return null;
  }

  values(): Order[] {
    return [...this.rise, ...this.fall];
  }

  /** Index of the first element that triggers before `order` (sorted worst first). */
  private placeOf(side: Order[], order: Order, rise: boolean): number {
    let lo = 0;
    let hi = side.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (triggersBefore(side[mid] as Order, order, rise)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** The reference trigger book: one unsorted list, scanned in full for each question. */
export class NaiveTriggerBook implements TriggerBook {
  private readonly orders: Order[] = [];

  add(order: Order): void {
    this.orders.push(order);
  }

  remove(order: Order): void {
    const index = this.orders.indexOf(order);
    assert(index >= 0, "naive trigger book: removing an order it does not hold");
    this.orders.splice(index, 1);
  }

  popCrossed(lowTicks: bigint, highTicks: bigint): Order | null {
    const found =
      this.bestOf(true, (o) => o.stopPriceTicks <= highTicks) ??
      this.bestOf(false, (o) => o.stopPriceTicks >= lowTicks);
    if (found !== null) this.remove(found);
    return found;
  }

  values(): Order[] {
    return [...this.orders];
  }

  private bestOf(rise: boolean, crossed: (order: Order) => boolean): Order | null {
    let best: Order | null = null;
    for (const order of this.orders) {
      if (triggersOnRise(order) !== rise || !crossed(order)) continue;
      if (best === null || triggersBefore(order, best, rise)) best = order;
    }
    return best;
  }
}
