/**
 * The order history as a trader reads it: the latest change first, so an order cancelled a
 * moment ago is at the top however long ago it was placed, and pages follow one another
 * without a gap or a repeat. The orders are written straight into the read model, as the
 * projector writes them, for a user of this test's own.
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../services";
import { closeServices, testServices } from "../testing/test-services";
import { createTestUser } from "../testing/test-users";
import { listOpenOrders, listOrderHistory } from "./order-queries";

let services: Services;
let userId: number;
/** Order ids of this test's own, far from the engine's. */
const base = randomInt(1_000_000_000, 2_000_000_000);
const T0 = Date.parse("2026-12-01T08:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

/** An order as the projector stores it: placed at `placed`, last changed at `changed`. */
async function storeOrder(
  offset: number,
  status: "OPEN" | "FILLED" | "CANCELLED",
  placed: number,
  changed: number,
) {
  await services.db.order.create({
    data: {
      orderId: base + offset,
      userId,
      symbol: "BTCUSDT",
      side: "buy",
      orderType: "limit",
      priceTicks: 100,
      qtyLots: 10,
      quoteAtoms: 0,
      timeInForce: "GTC",
      postOnly: false,
      status,
      filledLots: status === "FILLED" ? 10 : 0,
      remainingLots: status === "OPEN" ? 10 : 0,
      cancelReason: status === "CANCELLED" ? "user" : null,
      acceptedSeq: offset,
      updatedSeq: offset,
      createdAt: at(placed),
      updatedAt: at(changed),
    },
  });
}

beforeAll(async () => {
  services = await testServices();
  userId = (await createTestUser(services.db, { tag: "history" })).id;
  // Placed in id order 1..6; 1 is cancelled last of all, 5 and 6 change at the same moment.
  await storeOrder(1, "CANCELLED", 0, 90);
  await storeOrder(2, "FILLED", 10, 11);
  await storeOrder(3, "CANCELLED", 20, 40);
  await storeOrder(4, "OPEN", 30, 30);
  await storeOrder(5, "FILLED", 50, 60);
  await storeOrder(6, "FILLED", 55, 60);
});

afterAll(async () => {
  await services.db.order.deleteMany({ where: { userId } });
  await closeServices(services);
});

const ids = (page: { items: { orderId: number }[] }) => page.items.map((o) => o.orderId - base);

describe("order history", () => {
  it("lists the latest change first: an old order cancelled just now is at the top", async () => {
    const page = await listOrderHistory(services, userId, { limit: 50 });
    expect(ids(page)).toEqual([1, 6, 5, 3, 2]);
    // Both times travel to the page: placed long ago, changed just now.
    const [first] = page.items;
    expect(new Date(first?.createdAt ?? 0)).toEqual(at(0));
    expect(new Date(first?.updatedAt ?? 0)).toEqual(at(90));
    expect(page.nextCursor).toBeUndefined();
  });

  it("pages through the same order without a gap or a repeat, ties broken by id", async () => {
    const seen: number[] = [];
    let cursor: number | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await listOrderHistory(services, userId, { limit: 2, cursor });
      seen.push(...ids(page));
      cursor = page.nextCursor;
      if (cursor === undefined) break;
    }
    expect(seen).toEqual([1, 6, 5, 3, 2]);
  });

  it("ends the list at a cursor that is not one of the trader's orders", async () => {
    const other = await createTestUser(services.db, { tag: "history-other" });
    const page = await listOrderHistory(services, other.id, { limit: 50, cursor: base + 1 });
    expect(page.items).toEqual([]);
  });

  it("keeps open orders in the order they were placed", async () => {
    await storeOrder(7, "OPEN", 5, 95);
    const page = await listOpenOrders(services, userId, { limit: 50 });
    expect(ids(page)).toEqual([7, 4]);
  });
});
