import { assert } from "../../../assert";
import type { Order } from "../../../model";
import type { Side } from "../../../types";
import type { BookLevel, OrderBook } from "./order-book";

/**
 * The reference book: per side, one array of orders sorted best first, ties by arrival. Every
 * operation is a linear scan; nothing is cached, so there is nothing to get out of sync. It is
 * slow on purpose and exists to check the fast book.
 */
export class NaiveBook implements OrderBook {
  private readonly bids: Order[] = [];
  private readonly asks: Order[] = [];

  private ordersOf(side: Side): Order[] {
    return side === "buy" ? this.bids : this.asks;
  }

  best(side: Side): Order | null {
    return this.ordersOf(side)[0] ?? null;
  }

  next(order: Order): Order | null {
    const orders = this.ordersOf(order.side);
    return orders[this.indexOf(order) + 1] ?? null;
  }

  add(order: Order): bigint {
    const orders = this.ordersOf(order.side);
    let index = 0;
    while (index < orders.length && !isBetter(order, orders[index] as Order)) index++;
    orders.splice(index, 0, order);
    return this.levelLots(order.side, order.priceTicks);
  }

  remove(order: Order): bigint {
    this.ordersOf(order.side).splice(this.indexOf(order), 1);
    return this.levelLots(order.side, order.priceTicks);
  }

  fill(order: Order, lots: bigint): bigint {
    assert(lots > 0n && lots <= order.remainingLots, "naive book: fill larger than the order");
    this.indexOf(order);
    order.remainingLots -= lots;
    return order.remainingLots === 0n
      ? this.remove(order)
      : this.levelLots(order.side, order.priceTicks);
  }

  levelLots(side: Side, priceTicks: bigint): bigint {
    let lots = 0n;
    for (const order of this.ordersOf(side)) {
      if (order.priceTicks === priceTicks) lots += order.remainingLots;
    }
    return lots;
  }

  depth(side: Side, limit: number): BookLevel[] {
    const out: BookLevel[] = [];
    for (const order of this.ordersOf(side)) {
      const last = out[out.length - 1];
      if (last !== undefined && last.priceTicks === order.priceTicks) {
        last.qtyLots += order.remainingLots;
      } else if (out.length < limit) {
        out.push({ priceTicks: order.priceTicks, qtyLots: order.remainingLots });
      } else {
        break;
      }
    }
    return out;
  }

  private indexOf(order: Order): number {
    const index = this.ordersOf(order.side).indexOf(order);
    assert(index >= 0, "naive book: order is not resting");
    return index;
  }
}

/** True when `a` has strictly better price than `b` (arrival breaks no tie: the newcomer goes last). */
function isBetter(a: Order, b: Order): boolean {
  return a.side === "buy" ? a.priceTicks > b.priceTicks : a.priceTicks < b.priceTicks;
}
