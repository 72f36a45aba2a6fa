import { describe, expect, it } from "vitest";
import { RejectCode } from "../../reject-code";
import {
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
  placedId,
  typesOf,
} from "../../test-kit";
import type { BookKind } from "./book/order-book";

const FUNDS_USDT = 100_000_000_000_000n;

describe.each<BookKind>(["fast", "naive"])("cancels with the %s book", (book) => {
  function setup() {
    const env = createTestCore(book);
    fundUsers(env.core, env.cmd, [1, 2]);
    env.core.apply(
      env.cmd.make({
        type: "market.add",
        symbol: "ETHUSDT",
        base: "ETH",
        quote: "USDT",
        tickSizeAtoms: 10_000n,
        lotSizeAtoms: 10n ** 15n,
        minQtyLots: 1n,
        maxQtyLots: 1_000n,
        minNotionalAtoms: 0n,
        makerFeePpm: 0,
        takerFeePpm: 0,
      }),
    );
    return env;
  }

  it("order.cancel releases exactly what the order still holds", () => {
    const { core, cmd } = setup();
    const id = placedId(core.apply(cmd.limit(1, "buy", 1_000n, 10n)));
    core.apply(cmd.limit(2, "sell", 1_000n, 4n));
    const result = expectAccepted(core.apply(cmd.cancel(1, id)));
    expect(typesOf(result)).toEqual(["order.cancelled", "balance.changed", "book.levelChanged"]);
    expect(eventsOf(result, "order.cancelled")[0]).toMatchObject({
      orderId: id,
      reason: "user",
      filledLots: 4n,
      remainingLots: 6n,
    });
    expect(eventsOf(result, "balance.changed")[0]?.postings.map((p) => p.amountAtoms)).toEqual([
      -6_000n,
      6_000n,
    ]);
    expect(eventsOf(result, "book.levelChanged")[0]).toMatchObject({
      side: "buy",
      priceTicks: 1_000n,
      qtyLots: 0n,
    });
    expect(core.balance(1, "USDT")).toEqual({
      availableAtoms: FUNDS_USDT - 4_000n,
      frozenAtoms: 0n,
    });
    expect(core.order(id)).toBeUndefined();
  });

  it("does not find another user's order, or an order in another market", () => {
    const { core, cmd } = setup();
    const id = placedId(core.apply(cmd.limit(1, "buy", 1_000n, 10n)));
    expect(expectRejected(core.apply(cmd.cancel(2, id))).code).toBe(RejectCode.OrderNotFound);
    expect(expectRejected(core.apply(cmd.cancel(1, id, "ETHUSDT"))).code).toBe(
      RejectCode.OrderNotFound,
    );
    expect(expectRejected(core.apply(cmd.cancel(1, 999))).code).toBe(RejectCode.OrderNotFound);
    expect(core.order(id)?.remainingLots).toBe(10n);
  });

  it("needs exactly one of orderId and clientOrderId", () => {
    const { core, cmd } = setup();
    const neither = cmd.make({ type: "order.cancel", userId: 1, symbol: "BTCUSDT" });
    const both = cmd.make({
      type: "order.cancel",
      userId: 1,
      symbol: "BTCUSDT",
      orderId: 1,
      clientOrderId: "a",
    });
    expect(expectRejected(core.apply(neither)).code).toBe(RejectCode.InvalidCommand);
    expect(expectRejected(core.apply(both)).code).toBe(RejectCode.InvalidCommand);
  });

  it("order.cancelAll cancels the user's orders in one market only, oldest first", () => {
    const { core, cmd } = setup();
    const a = placedId(core.apply(cmd.limit(1, "buy", 1_000n, 1n)));
    const b = placedId(core.apply(cmd.limit(1, "sell", 2_000n, 1n)));
    const eth = placedId(core.apply(cmd.limit(1, "buy", 1_000n, 1n, { symbol: "ETHUSDT" })));
    const other = placedId(core.apply(cmd.limit(2, "buy", 1_000n, 1n)));
    const result = expectAccepted(
      core.apply(cmd.make({ type: "order.cancelAll", userId: 1, symbol: "BTCUSDT" })),
    );
    expect(eventsOf(result, "order.cancelled").map((e) => [e.orderId, e.reason])).toEqual([
      [a, "cancelAll"],
      [b, "cancelAll"],
    ]);
    expect(eventsOf(result, "book.levelChanged").map((e) => [e.side, e.qtyLots])).toEqual([
      ["buy", 1n],
      ["sell", 0n],
    ]);
    expect(core.openOrders(1).map((o) => o.orderId)).toEqual([eth]);
    expect(core.order(other)).toBeDefined();
    expect(core.balance(1, "BTC").frozenAtoms).toBe(0n);
  });

  it("order.cancelAll without a symbol cancels in every market that is not halted", () => {
    const { core, cmd } = setup();
    const btc = placedId(core.apply(cmd.limit(1, "buy", 1_000n, 1n)));
    const stop = placedId(core.apply(cmd.stop(1, "buy", "stopLimit", 1_100n, 1_100n, 1n)));
    const eth = placedId(core.apply(cmd.limit(1, "buy", 1_000n, 1n, { symbol: "ETHUSDT" })));
    core.apply(cmd.make({ type: "market.setStatus", symbol: "ETHUSDT", status: "halted" }));
    const other = placedId(core.apply(cmd.limit(2, "buy", 1_000n, 1n)));
    const result = expectAccepted(core.apply(cmd.make({ type: "order.cancelAll", userId: 1 })));
    expect(eventsOf(result, "order.cancelled").map((e) => [e.orderId, e.reason])).toEqual([
      [btc, "cancelAll"],
      [stop, "cancelAll"],
    ]);
    expect(core.openOrders(1).map((o) => o.orderId)).toEqual([eth]);
    expect(core.order(other)).toBeDefined();
    expect(core.balance(1, "USDT").frozenAtoms).toBe(core.order(eth)?.frozenAtoms);
  });

  it("order.cancelAll with nothing open is accepted with no events", () => {
    const { core, cmd } = setup();
    const result = expectAccepted(
      core.apply(cmd.make({ type: "order.cancelAll", userId: 5, symbol: "BTCUSDT" })),
    );
    expect(result.events).toEqual([]);
  });

  it("works in a cancel-only market and not in a halted one", () => {
    const { core, cmd } = setup();
    placedId(core.apply(cmd.limit(1, "buy", 1_000n, 1n)));
    core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "halted" }));
    const all = () => cmd.make({ type: "order.cancelAll", userId: 1, symbol: "BTCUSDT" });
    expect(expectRejected(core.apply(all())).code).toBe(RejectCode.MarketHalted);
    core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "cancelOnly" }));
    expect(eventsOf(expectAccepted(core.apply(all())), "order.cancelled")).toHaveLength(1);
  });
});
