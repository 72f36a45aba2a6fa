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
  placedId,
  typesOf,
} from "../../test-kit";
import type { Side, StopOrderType } from "../../types";
import type { BookKind } from "./book/order-book";

describe.each<BookKind>(["fast", "naive"])("stop orders with the %s book", (book) => {
  /** A core whose BTCUSDT last traded at 1 000 ticks, users 1–4 funded. */
  function setup() {
    const env = createTestCore(book);
    fundUsers(env.core, env.cmd, [1, 2, 3, 4]);
    env.core.apply(env.cmd.limit(3, "sell", 1_000n, 1n));
    expectAccepted(env.core.apply(env.cmd.limit(4, "buy", 1_000n, 1n)));
    expect(env.core.market("BTCUSDT")?.lastPriceTicks).toBe(1_000n);
    return env;
  }

  /** Makes one trade between users 3 and 4 at `priceTicks`. */
  function tradeAt(env: ReturnType<typeof setup>, priceTicks: bigint) {
    env.core.apply(env.cmd.limit(3, "sell", priceTicks, 1n));
    return expectAccepted(env.core.apply(env.cmd.limit(4, "buy", priceTicks, 1n)));
  }

  const CASES: [StopOrderType, Side, bigint, bigint, bigint][] = [
    // kind, side, stop, a price that does not reach it, a price that does
    ["stopLimit", "buy", 1_010n, 1_009n, 1_010n],
    ["stopLimit", "sell", 990n, 991n, 990n],
    ["takeProfitLimit", "buy", 990n, 991n, 990n],
    ["takeProfitLimit", "sell", 1_010n, 1_009n, 1_010n],
  ];

  it.each(CASES)(
    "a %s %s waits until the last price reaches its stop",
    (kind, side, stop, near, at) => {
      const env = setup();
      const { core, cmd } = env;
      const accepted = expectAccepted(core.apply(cmd.stop(1, side, kind, stop, stop, 2n)));
      const id = placedId(accepted);
      expect(eventsOf(accepted, "order.accepted")[0]).toMatchObject({
        orderType: "limit",
        stopOrderType: kind,
        stopPriceTicks: stop,
        frozenAtoms: side === "buy" ? stop * 2n : 2n * BTC_PER_LOT,
      });
      expect(typesOf(accepted)).toEqual(["order.accepted", "balance.changed"]);
      expect(core.openOrders(1)).toMatchObject([
        { orderId: id, waiting: true, stopOrderType: kind },
      ]);
      expect(core.depth("BTCUSDT", 10)).toMatchObject({ bids: [], asks: [] });

      expect(typesOf(tradeAt(env, near))).not.toContain("order.triggered");
      const crossing = tradeAt(env, at);
      expect(eventsOf(crossing, "order.triggered")).toEqual([
        {
          type: "order.triggered",
          symbol: "BTCUSDT",
          orderId: id,
          userId: 1,
          stopPriceTicks: stop,
          lastPriceTicks: at,
          frozenAtoms: side === "buy" ? stop * 2n : 2n * BTC_PER_LOT,
          ts: cmd.ts,
        },
      ]);
      expect(core.order(id)).toMatchObject({ waiting: false, remainingLots: 2n });
      expect(core.levelLots("BTCUSDT", side, stop)).toBe(2n);
    },
  );

  it("is rejected, changing nothing, when the last price already meets its stop", () => {
    const { core, cmd } = setup();
    const before = core.stateHash();
    const result = expectRejected(core.apply(cmd.stop(1, "buy", "stopLimit", 1_000n, 1_000n, 1n)));
    expect(result.code).toBe(RejectCode.StopWouldTriggerNow);
    expect(core.stateHash()).toBe(before);
  });

  it("waits whatever its stop price while the market has not traded", () => {
    const { core, cmd } = createTestCore(book);
    fundUsers(core, cmd, [1]);
    expectAccepted(core.apply(cmd.stop(1, "buy", "stopLimit", 1n, 1_000n, 1n)));
  });

  it("triggers on any trade of the command that crossed it, not only the last", () => {
    const env = setup();
    const { core, cmd } = env;
    const id = placedId(core.apply(cmd.stop(1, "sell", "stopLimit", 995n, 900n, 1n)));
    // Asks at 990 (below the stop) and 1 005: one buy takes both, ending above the stop.
    core.apply(cmd.limit(3, "sell", 990n, 1n));
    core.apply(cmd.limit(3, "sell", 1_005n, 1n));
    const result = expectAccepted(core.apply(cmd.limit(4, "buy", 1_005n, 2n)));
    expect(eventsOf(result, "order.triggered").map((e) => e.orderId)).toEqual([id]);
  });

  it("cascades: a triggered order's trades trigger the next, in one command", () => {
    const env = setup();
    const { core, cmd } = env;
    const first = placedId(core.apply(cmd.stop(1, "sell", "stopLimit", 990n, 980n, 1n)));
    const second = placedId(core.apply(cmd.stop(2, "sell", "stopLimit", 986n, 970n, 1n)));
    core.apply(cmd.limit(4, "buy", 985n, 1n));
    core.apply(cmd.limit(4, "buy", 975n, 1n));
    const result = tradeAt(env, 990n);
    expect(eventsOf(result, "order.triggered").map((e) => e.orderId)).toEqual([first, second]);
    const trades = eventsOf(result, "trade").map((t) => [t.takerOrderId, t.priceTicks]);
    expect(trades.slice(1)).toEqual([
      [first, 985n],
      [second, 975n],
    ]);
    expect(core.openOrders(1)).toEqual([]);
    expect(core.openOrders(2)).toEqual([]);
  });

  it("rests with its trigger time as priority: behind an order placed after it, before it triggered", () => {
    const env = setup();
    const { core, cmd } = env;
    const stop = placedId(core.apply(cmd.stop(1, "buy", "stopLimit", 1_010n, 1_005n, 1n)));
    const plain = placedId(core.apply(cmd.limit(2, "buy", 1_005n, 1n)));
    tradeAt(env, 1_010n);
    expect(core.levelLots("BTCUSDT", "buy", 1_005n)).toBe(2n);
    const restored = ExchangeCore.restore(JSON.parse(JSON.stringify(core.snapshot())), { book });
    expect(restored.stateHash()).toBe(core.stateHash());
    for (const c of [core, restored]) {
      const fill = expectAccepted(c.apply(cmd.limit(3, "sell", 1_005n, 1n)));
      expect(eventsOf(fill, "trade")[0]?.makerOrderId).toBe(plain);
      expect(c.order(stop)?.remainingLots).toBe(1n);
    }
    expect(restored.stateHash()).toBe(core.stateHash());
  });

  it("cancelling an untriggered order releases its hold and emits no book event", () => {
    const { core, cmd } = setup();
    const before = core.balance(1, "USDT");
    const id = placedId(core.apply(cmd.stop(1, "buy", "takeProfitLimit", 900n, 905n, 3n)));
    expect(core.balance(1, "USDT").frozenAtoms).toBe(before.frozenAtoms + 2_715n);
    const result = expectAccepted(core.apply(cmd.cancel(1, id)));
    expect(typesOf(result)).toEqual(["order.cancelled", "balance.changed"]);
    expect(core.balance(1, "USDT")).toEqual(before);
  });

  it("a fill-or-kill stop that cannot fill when triggered expires and releases everything", () => {
    const env = setup();
    const { core, cmd } = env;
    const before = core.balance(1, "USDT");
    const id = placedId(
      core.apply(cmd.stop(1, "buy", "stopLimit", 1_010n, 1_020n, 5n, { timeInForce: "FOK" })),
    );
    const result = tradeAt(env, 1_010n);
    expect(eventsOf(result, "order.cancelled")).toMatchObject([{ orderId: id, reason: "expired" }]);
    expect(core.balance(1, "USDT")).toEqual(before);
  });

  it("snapshots an untriggered order and restores it into the trigger book", () => {
    const env = setup();
    const { core, cmd } = env;
    core.apply(cmd.stop(1, "sell", "stopLimit", 990n, 985n, 1n, { clientOrderId: "s1" }));
    const restored = ExchangeCore.restore(JSON.parse(JSON.stringify(core.snapshot())), { book });
    expect(restored.stateHash()).toBe(core.stateHash());
    expect(restored.openOrders(1)).toEqual(core.openOrders(1));
    const next = cmd.limit(3, "sell", 990n, 1n);
    const take = cmd.limit(4, "buy", 990n, 1n);
    for (const c of [core, restored]) c.apply(next);
    expect(restored.apply(take)).toEqual(core.apply(take));
    expect(restored.stateHash()).toBe(core.stateHash());
  });
});
