import { describe, expect, it } from "vitest";
import { ExchangeCore } from "../../exchange-core";
import { RejectCode } from "../../reject-code";
import {
  BTC_PER_LOT,
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
  typesOf,
} from "../../test-kit";
import type { BookKind } from "./book/order-book";

describe.each<BookKind>(["fast", "naive"])("OCO lists with the %s book", (book) => {
  /** BTCUSDT last traded at 1 000; users 1–4 funded. */
  function setup() {
    const env = createTestCore(book);
    fundUsers(env.core, env.cmd, [1, 2, 3, 4]);
    env.core.apply(env.cmd.limit(3, "sell", 1_000n, 1n));
    env.core.apply(env.cmd.limit(4, "buy", 1_000n, 1n));
    return env;
  }

  function placeBuyOco(env: ReturnType<typeof setup>) {
    // Limit buy at 900, stop buy at 1 050 working at 1 060: the list holds 3 × 1 060.
    const result = expectAccepted(env.core.apply(env.cmd.oco(1, "buy", 3n, 900n, 1_050n, 1_060n)));
    const [limit, stop] = eventsOf(result, "order.accepted");
    return { result, limitId: limit?.orderId ?? 0, stopId: stop?.orderId ?? 0 };
  }

  it("freezes once, for the larger need, and links the two orders by a list id", () => {
    const env = setup();
    const before = env.core.balance(1, "USDT");
    const { result, limitId, stopId } = placeBuyOco(env);
    expect(eventsOf(result, "order.accepted")).toMatchObject([
      {
        orderId: limitId,
        orderType: "limit",
        postOnly: true,
        listId: limitId,
        frozenAtoms: 2_700n,
      },
      { orderId: stopId, stopOrderType: "stopLimit", stopPriceTicks: 1_050n, listId: limitId },
    ]);
    expect(env.core.balance(1, "USDT").frozenAtoms - before.frozenAtoms).toBe(3_180n);
    expect(env.core.openOrders(1)).toMatchObject([
      { orderId: limitId, waiting: false, listId: limitId, peerOrderId: stopId },
      { orderId: stopId, waiting: true, listId: limitId, peerOrderId: limitId },
    ]);
  });

  it("a partial fill of the limit order cancels the stop order in the same command", () => {
    const env = setup();
    const { limitId, stopId } = placeBuyOco(env);
    const result = expectAccepted(env.core.apply(env.cmd.limit(2, "sell", 900n, 1n)));
    expect(eventsOf(result, "order.cancelled")).toMatchObject([{ orderId: stopId, reason: "oco" }]);
    expect(env.core.openOrders(1)).toMatchObject([
      { orderId: limitId, remainingLots: 2n, peerOrderId: null, frozenAtoms: 1_800n },
    ]);
    expect(env.core.balance(1, "USDT").frozenAtoms).toBe(1_800n);
  });

  it("the stop triggering cancels the limit order and takes its hold over", () => {
    const env = setup();
    const { limitId, stopId } = placeBuyOco(env);
    env.core.apply(env.cmd.limit(3, "sell", 1_050n, 1n));
    const result = expectAccepted(env.core.apply(env.cmd.limit(4, "buy", 1_050n, 1n)));
    const types = typesOf(result);
    expect(types.indexOf("order.triggered")).toBeLessThan(types.indexOf("order.cancelled"));
    expect(eventsOf(result, "order.cancelled")).toMatchObject([
      { orderId: limitId, reason: "oco" },
    ]);
    expect(env.core.levelLots("BTCUSDT", "buy", 900n)).toBe(0n);
    expect(env.core.openOrders(1)).toMatchObject([
      { orderId: stopId, waiting: false, priceTicks: 1_060n, frozenAtoms: 3_180n },
    ]);
    expect(env.core.balance(1, "USDT").frozenAtoms).toBe(3_180n);
  });

  it("cancelling either order cancels both and releases the whole hold", () => {
    for (const which of ["limit", "stop"] as const) {
      const env = setup();
      const before = env.core.balance(1, "USDT");
      const { limitId, stopId } = placeBuyOco(env);
      const id = which === "limit" ? limitId : stopId;
      const result = expectAccepted(env.core.apply(env.cmd.cancel(1, id)));
      expect(
        eventsOf(result, "order.cancelled")
          .map((e) => e.orderId)
          .sort(),
      ).toEqual([limitId, stopId].sort());
      expect(env.core.openOrders(1)).toEqual([]);
      expect(env.core.balance(1, "USDT")).toEqual(before);
    }
  });

  it("order.cancelAll cancels the list once", () => {
    const env = setup();
    const before = env.core.balance(1, "BTC");
    env.core.apply(env.cmd.oco(1, "sell", 2n, 1_100n, 950n, 940n));
    expect(env.core.balance(1, "BTC").frozenAtoms).toBe(before.frozenAtoms + 2n * BTC_PER_LOT);
    const result = expectAccepted(
      env.core.apply(env.cmd.make({ type: "order.cancelAll", userId: 1 })),
    );
    expect(eventsOf(result, "order.cancelled")).toHaveLength(2);
    expect(env.core.balance(1, "BTC")).toEqual(before);
  });

  it("survives a snapshot: the restored list still cancels its other order", () => {
    const env = setup();
    const { stopId } = placeBuyOco(env);
    const restored = ExchangeCore.restore(JSON.parse(JSON.stringify(env.core.snapshot())), {
      book,
    });
    expect(restored.stateHash()).toBe(env.core.stateHash());
    const fill = env.cmd.limit(2, "sell", 900n, 1n);
    const result = restored.apply(fill);
    expect(result).toEqual(env.core.apply(fill));
    expect(eventsOf(result, "order.cancelled")).toMatchObject([{ orderId: stopId }]);
  });

  it.each([
    ["prices in the wrong order", RejectCode.InvalidOcoPrices, 1_100n, 900n],
    ["a limit order that would trade", RejectCode.PostOnlyWouldTake, 1_000n, 1_050n],
    ["a stop that would trigger at once", RejectCode.StopWouldTriggerNow, 900n, 1_000n],
  ])("rejects %s and changes nothing", (_name, code, priceTicks, stopPriceTicks) => {
    const env = setup();
    env.core.apply(env.cmd.limit(3, "sell", 1_000n, 1n));
    const before = env.core.stateHash();
    const result = expectRejected(
      env.core.apply(env.cmd.oco(1, "buy", 1n, priceTicks, stopPriceTicks, stopPriceTicks)),
    );
    expect(result.code).toBe(code);
    expect(env.core.stateHash()).toBe(before);
  });
});
