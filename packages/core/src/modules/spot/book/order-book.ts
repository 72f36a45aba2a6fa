import type { Order } from "../../../model";
import type { Side } from "../../../types";

/** One price level as seen from outside: total resting quantity at a price. */
export interface BookLevel {
  priceTicks: bigint;
  qtyLots: bigint;
}

/**
 * Where resting orders live, in price-time priority: best price first, then arrival. The core's
 * matching walks the book only through this interface, so the fast book and the naive reference
 * book are interchangeable and must produce identical events.
 *
 * The book owns `remainingLots` of resting orders (it changes it in `fill`); the core owns every
 * other field.
 */
export interface OrderBook {
  /** The order first in priority on `side`, or null when that side is empty. */
  best(side: Side): Order | null;
  /** The order after `order` in priority on its side, across price levels, or null. */
  next(order: Order): Order | null;
  /** Rests `order` behind all orders at its price; returns the level's total lots after. */
  add(order: Order): bigint;
  /** Takes a resting `order` out; returns the level's total lots after (0 when it is gone). */
  remove(order: Order): bigint;
  /**
   * Fills `lots` of a resting `order`: lowers its `remainingLots` and takes it out when nothing
   * remains. Returns the level's total lots after.
   */
  fill(order: Order, lots: bigint): bigint;
  /** Total lots resting at `priceTicks` on `side` (0 when there is no such level). */
  levelLots(side: Side, priceTicks: bigint): bigint;
  /** Up to `limit` levels of `side`, best first. */
  depth(side: Side, limit: number): BookLevel[];
}

/**
 * Which book implementation a core uses. Not part of the state: a snapshot taken from one kind
 * restores into either.
 * - `"fast"`: sorted level arrays, intrusive per-level queues; the production book.
 * - `"naive"`: one sorted array of orders per side; the obviously-right reference.
 */
export type BookKind = "fast" | "naive";
