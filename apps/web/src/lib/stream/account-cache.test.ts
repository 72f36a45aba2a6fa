import { ORDER_STATUSES, type Order, type OrderStatus } from "@exchange/contracts/order";
import type { Fill } from "@exchange/contracts/trade";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyFillPush,
  applyOrderPush,
  byLastChange,
  type Page,
  type Pages,
} from "./account-cache";

function order(
  orderId: number,
  status: OrderStatus,
  updatedAtMs: number,
  symbol = "BTCUSDT",
): Order {
  return {
    orderId,
    clientOrderId: null,
    symbol,
    side: "buy",
    type: "limit",
    price: "100",
    quantity: "1",
    quoteAmount: null,
    filledQuantity: status === "FILLED" ? "1" : "0",
    filledQuote: status === "FILLED" ? "100" : "0",
    averagePrice: status === "FILLED" ? "100" : null,
    status,
    timeInForce: "GTC",
    postOnly: false,
    cancelReason: status === "CANCELLED" ? "user" : null,
    stopPrice: null,
    listId: null,
    working: true,
    workingAt: new Date(0),
    createdAt: new Date(0),
    updatedAt: new Date(updatedAtMs),
  };
}

const ids = (page: Page<Order>) => page.items.map((o) => o.orderId);

describe("the trader's lists moved by pushes", () => {
  it("moves a filled order from the open orders to the history", () => {
    const open: Page<Order> = { items: [order(7, "OPEN", 1), order(5, "OPEN", 1)] };
    const history: Pages<Order> = {
      pages: [{ items: [order(3, "FILLED", 1)] }],
      pageParams: [null],
    };
    const filled = order(5, "FILLED", 2);
    expect(ids(applyOrderPush(open, filled, "open", undefined))).toEqual([7]);
    expect(
      ids(applyOrderPush(history, filled, "history", undefined).pages[0] as Page<Order>),
    ).toEqual([5, 3]);
  });

  it("keeps a later state a re-read brought, and respects the list's market", () => {
    const open: Page<Order> = { items: [order(5, "PARTIALLY_FILLED", 9)] };
    expect(applyOrderPush(open, order(5, "OPEN", 3), "open", undefined)).toBe(open);
    expect(ids(applyOrderPush(open, order(6, "OPEN", 9, "ETHUSDT"), "open", "BTCUSDT"))).toEqual([
      5,
    ]);
  });

  it("adds a fill once", () => {
    const fill: Fill = {
      tradeId: 4,
      orderId: 5,
      symbol: "BTCUSDT",
      side: "buy",
      liquidity: "taker",
      price: "100",
      quantity: "1",
      quoteAmount: "100",
      fee: "0.001",
      feeAsset: "BTC",
      executedAt: new Date(1),
    };
    const once = applyFillPush({ items: [] as Fill[] }, fill, undefined);
    expect(applyFillPush(once, fill, undefined).items).toHaveLength(1);
  });

  it("leaves each order in exactly the list its latest push says, lists newest first", () => {
    const push = fc.record({
      orderId: fc.integer({ min: 1, max: 8 }),
      status: fc.constantFrom(...ORDER_STATUSES),
    });
    fc.assert(
      fc.property(fc.array(push, { maxLength: 40 }), (pushes) => {
        let open: Page<Order> = { items: [] };
        let history: Pages<Order> = { pages: [{ items: [] }], pageParams: [null] };
        const latest = new Map<number, OrderStatus>();
        pushes.forEach(({ orderId, status }, time) => {
          const o = order(orderId, status, time);
          open = applyOrderPush(open, o, "open", undefined);
          history = applyOrderPush(history, o, "history", undefined);
          latest.set(orderId, status);
        });
        const historyIds = history.pages.flatMap(ids);
        for (const [orderId, status] of latest) {
          const final = status === "FILLED" || status === "CANCELLED";
          expect(ids(open).includes(orderId)).toBe(!final);
          expect(historyIds.includes(orderId)).toBe(final);
        }
        // Open orders: latest placed first. History: latest change first.
        expect(ids(open)).toEqual([...new Set(ids(open))].sort((a, b) => b - a));
        const historyItems = history.pages.flatMap((page) => page.items);
        expect(new Set(historyIds).size).toBe(historyIds.length);
        expect(historyItems).toEqual([...historyItems].sort(byLastChange));
      }),
    );
  });

  it("puts an old order cancelled just now at the top of the history", () => {
    const history: Pages<Order> = {
      pages: [{ items: [order(9, "FILLED", 500), order(8, "CANCELLED", 400)] }],
      pageParams: [null],
    };
    const cancelledNow = order(2, "CANCELLED", 600);
    const after = applyOrderPush(history, cancelledNow, "history", undefined);
    expect(ids(after.pages[0] as Page<Order>)).toEqual([2, 9, 8]);
  });

  it("orders the history by last change, then by id, whatever order the pushes came in", () => {
    const item = fc.record({
      orderId: fc.integer({ min: 1, max: 1_000 }),
      updatedAtMs: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(item, { selector: (i) => i.orderId, maxLength: 30 }), (items) => {
        let history: Page<Order> = { items: [] };
        for (const { orderId, updatedAtMs } of items) {
          history = applyOrderPush(
            history,
            order(orderId, "FILLED", updatedAtMs),
            "history",
            undefined,
          );
        }
        for (const [a, b] of history.items.slice(1).map((o, i) => [history.items[i], o] as const)) {
          if (!a) continue;
          const later = a.updatedAt.getTime() - b.updatedAt.getTime();
          expect(later > 0 || (later === 0 && a.orderId > b.orderId)).toBe(true);
        }
      }),
    );
  });
});
