import type { Order } from "@exchange/contracts/order";
import { isFinal } from "@exchange/contracts/order-life";
import type { Fill } from "@exchange/contracts/trade";

/**
 * How the trader's own pushes move the lists the API answered: `@order` moves an order into,
 * within or out of the open orders and the order history, `@account` adds a fill to the trade
 * history. Pure, on the cached data as React Query holds it (one page, or the pages of an
 * infinite list), so the panel shows a fill the moment the engine made it, not when the read
 * model catches up.
 */
export interface Page<T> {
  items: T[];
  nextCursor?: number | undefined;
}
export interface Pages<T> {
  pages: Page<T>[];
  pageParams: unknown[];
}
export type CachedList<T> = Page<T> | Pages<T>;

/** The two lists an order can be in: open while it can still fill, history once final. */
export type OrderList = "open" | "history";

/** The list after `order`'s push, for a list of `list` filtered to `symbol` (all when undefined). */
export function applyOrderPush<D extends CachedList<Order> | undefined>(
  data: D,
  order: Order,
  list: OrderList,
  symbol: string | undefined,
): D {
  if (data === undefined) return data;
  const pages = pagesOf(data);
  const cached = pages.flatMap((page) => page.items).find((o) => o.orderId === order.orderId);
  // A re-read may already hold a later state than this push: keep it.
  if (cached && cached.updatedAt.getTime() > order.updatedAt.getTime()) return data;
  const belongs =
    (list === "history") === isFinal(order.status) &&
    (symbol === undefined || symbol === order.symbol);
  const without = pages.map((page) => ({
    ...page,
    items: page.items.filter((o) => o.orderId !== order.orderId),
  }));
  if (belongs) insertNewestFirst(without, order, list === "history" ? byLastChange : byPlaced);
  return withPages(data, without);
}

/** The trade history after an `@account` fill (a fill already listed stays as it is). */
export function applyFillPush<D extends CachedList<Fill> | undefined>(
  data: D,
  fill: Fill,
  symbol: string | undefined,
): D {
  if (data === undefined || (symbol !== undefined && symbol !== fill.symbol)) return data;
  const pages = pagesOf(data);
  const listed = pages.some((page) =>
    page.items.some((f) => f.tradeId === fill.tradeId && f.orderId === fill.orderId),
  );
  if (listed) return data;
  const copy = pages.map((page) => ({ ...page, items: [...page.items] }));
  insertNewestFirst(copy, fill, (a, b) => b.tradeId - a.tradeId);
  return withPages(data, copy);
}

function pagesOf<T>(data: CachedList<T>): Page<T>[] {
  return "pages" in data ? data.pages : [data];
}

function withPages<T, D extends CachedList<T>>(data: D, pages: Page<T>[]): D {
  if ("pages" in data) return { ...data, pages };
  return pages[0] as D;
}

type Comparator<T> = (a: T, b: T) => number;

/** Open orders: the latest placed first, as the API lists them (by id). */
export const byPlaced: Comparator<Pick<Order, "orderId">> = (a, b) => b.orderId - a.orderId;

/**
 * The order history: the latest change (fill or cancel) first, then the latest placed, as the
 * API lists it, so an order cancelled just now goes to the top however old it is.
 */
export const byLastChange: Comparator<Pick<Order, "orderId" | "updatedAt">> = (a, b) =>
  b.updatedAt.getTime() - a.updatedAt.getTime() || b.orderId - a.orderId;

/** A new item goes into the first page, in the list's order. */
function insertNewestFirst<T>(pages: Page<T>[], item: T, order: Comparator<T>): void {
  const first = pages[0];
  if (!first) return;
  first.items = [...first.items, item].sort(order);
}
