import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Command } from "../../commands";
import type { ExchangeCore } from "../../exchange-core";
import { RejectCode } from "../../reject-code";
import {
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
  placedId,
  type TestCommands,
} from "../../test-kit";
import { type MarketStatus, SYSTEM_ACCOUNTS } from "../../types";
import { canChangeMarketStatus, MARKET_STATUSES } from "./market-lifecycle";

function setStatus(cmd: TestCommands, status: MarketStatus, symbol = "BTCUSDT"): Command {
  return cmd.make({ type: "market.setStatus", symbol, status });
}

/** Each asset's total over every user (available + frozen) and system account. */
function totals(core: ExchangeCore): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const asset of core.assetCodes()) {
    let sum = 0n;
    for (const userId of core.userIds()) {
      const b = core.balance(userId, asset);
      sum += b.availableAtoms + b.frozenAtoms;
    }
    for (const account of SYSTEM_ACCOUNTS) sum += core.systemBalance(asset, account);
    out[asset] = sum;
  }
  return out;
}

/** A listed, not yet open market beside BTCUSDT. */
function addPreOpenMarket(core: ExchangeCore, cmd: TestCommands): void {
  expectAccepted(
    core.apply(
      cmd.make({
        type: "market.add",
        symbol: "ETHUSDT",
        base: "ETH",
        quote: "USDT",
        tickSizeAtoms: 10_000n,
        lotSizeAtoms: 10n ** 15n,
        minQtyLots: 1n,
        maxQtyLots: 10_000n,
        minNotionalAtoms: 0n,
        makerFeePpm: 0,
        takerFeePpm: 0,
        status: "preOpen",
      }),
    ),
  );
}

describe("the market lifecycle", () => {
  it("allows exactly the moves of the lifecycle", () => {
    const allowed = MARKET_STATUSES.flatMap((from) =>
      MARKET_STATUSES.filter((to) => to !== from && canChangeMarketStatus(from, to)).map(
        (to) => `${from}>${to}`,
      ),
    );
    expect(allowed).toEqual([
      "preOpen>trading",
      "preOpen>closed",
      "trading>cancelOnly",
      "trading>halted",
      "trading>closed",
      "cancelOnly>trading",
      "cancelOnly>halted",
      "cancelOnly>closed",
      "halted>trading",
      "halted>cancelOnly",
      "halted>closed",
    ]);
  });

  it("refuses a move the lifecycle does not allow and changes nothing", () => {
    const { core, cmd } = createTestCore();
    const before = core.stateHash();
    const refused = expectRejected(core.apply(setStatus(cmd, "preOpen")));
    expect(refused.code).toBe(RejectCode.StatusChangeNotAllowed);
    expect(refused.message).toContain("trading to preOpen");
    expect(core.stateHash()).toBe(before);
  });

  it("takes no orders before it opens, then trades once opened", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1]);
    expectAccepted(core.apply(cmd.deposit(1, "ETH", 10n ** 19n)));
    addPreOpenMarket(core, cmd);
    const sell = cmd.limit(1, "sell", 100n, 1n, { symbol: "ETHUSDT" });
    expect(expectRejected(core.apply(sell)).code).toBe(RejectCode.MarketPreOpen);
    const opened = expectAccepted(core.apply(setStatus(cmd, "trading", "ETHUSDT")));
    expect(eventsOf(opened, "market.statusChanged")).toEqual([
      { type: "market.statusChanged", symbol: "ETHUSDT", status: "trading", previous: "preOpen" },
    ]);
    expectAccepted(core.apply(cmd.limit(1, "sell", 100n, 1n, { symbol: "ETHUSDT" })));
  });

  it("keeps a halted market's orders and funds, refusing orders and cancels", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1]);
    const orderId = placedId(core.apply(cmd.limit(1, "buy", 1_000n, 2n)));
    const frozen = core.balance(1, "USDT").frozenAtoms;
    expectAccepted(core.apply(setStatus(cmd, "halted")));
    expect(expectRejected(core.apply(cmd.limit(1, "buy", 1_000n, 1n))).code).toBe(
      RejectCode.MarketHalted,
    );
    expect(expectRejected(core.apply(cmd.cancel(1, orderId))).code).toBe(RejectCode.MarketHalted);
    expect(core.openOrders(1).map((o) => o.orderId)).toEqual([orderId]);
    expect(core.balance(1, "USDT").frozenAtoms).toBe(frozen);
  });

  it("closes with every order cancelled, OCO and stop orders included, funds released", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1, 2]);
    const available = [core.balance(1, "USDT"), core.balance(2, "BTC")];
    core.apply(cmd.limit(1, "buy", 1_000n, 2n));
    core.apply(cmd.limit(2, "sell", 1_100n, 1n));
    expectAccepted(core.apply(cmd.limit(2, "sell", 1_000n, 1n))); // a trade sets a last price
    expectAccepted(core.apply(cmd.stop(2, "sell", "stopLimit", 900n, 890n, 1n)));
    expectAccepted(core.apply(cmd.oco(2, "sell", 1n, 1_200n, 800n, 790n)));
    expect(core.openOrders(2)).toHaveLength(4);
    const before = totals(core);

    const closed = expectAccepted(core.apply(setStatus(cmd, "closed")));

    const cancels = eventsOf(closed, "order.cancelled");
    expect(cancels).toHaveLength(5);
    expect(cancels.every((c) => c.reason === "marketClosed")).toBe(true);
    expect(closed.events.at(-1)).toMatchObject({ type: "market.statusChanged", status: "closed" });
    expect(core.openOrders(1)).toEqual([]);
    expect(core.openOrders(2)).toEqual([]);
    for (const userId of [1, 2]) {
      expect(core.balance(userId, "USDT").frozenAtoms).toBe(0n);
      expect(core.balance(userId, "BTC").frozenAtoms).toBe(0n);
    }
    expect(core.balance(1, "USDT").availableAtoms).toBeLessThan(available[0]?.availableAtoms ?? 0n);
    expect(totals(core)).toEqual(before);
    expect(core.depth("BTCUSDT", 10)).toMatchObject({ bids: [], asks: [] });
  });

  it("is final once closed: no order, cancel or move", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1]);
    expectAccepted(core.apply(setStatus(cmd, "closed")));
    expect(expectRejected(core.apply(cmd.limit(1, "buy", 1_000n, 1n))).code).toBe(
      RejectCode.MarketClosed,
    );
    expect(expectRejected(core.apply(cmd.cancel(1, 1))).code).toBe(RejectCode.MarketClosed);
    for (const status of ["trading", "cancelOnly", "halted", "preOpen"] as const) {
      expect(expectRejected(core.apply(setStatus(cmd, status))).code).toBe(
        RejectCode.StatusChangeNotAllowed,
      );
    }
  });

  it("conserves every asset across a close, whatever was open", () => {
    const order = fc.record({
      userId: fc.constantFrom(1, 2, 3),
      side: fc.constantFrom("buy" as const, "sell" as const),
      priceTicks: fc.bigInt({ min: 900n, max: 1_100n }),
      qtyLots: fc.bigInt({ min: 1n, max: 20n }),
      kind: fc.constantFrom("limit", "stop", "oco"),
    });
    fc.assert(
      fc.property(fc.array(order, { maxLength: 40 }), (orders) => {
        const { core, cmd } = createTestCore();
        fundUsers(core, cmd, [1, 2, 3]);
        for (const o of orders) core.apply(placeOf(cmd, o));
        const before = totals(core);
        expectAccepted(core.apply(setStatus(cmd, "closed")));
        expect(totals(core)).toEqual(before);
        for (const userId of [1, 2, 3]) {
          expect(core.openOrders(userId)).toEqual([]);
          expect(core.balance(userId, "BTC").frozenAtoms).toBe(0n);
          expect(core.balance(userId, "USDT").frozenAtoms).toBe(0n);
        }
      }),
      { seed: 20_261_211, numRuns: 150 },
    );
  });
});

interface DrawnOrder {
  userId: number;
  side: "buy" | "sell";
  priceTicks: bigint;
  qtyLots: bigint;
  kind: string;
}

/** A limit, stop or OCO order around the drawn price (refusals are fine: they change nothing). */
function placeOf(cmd: TestCommands, o: DrawnOrder): Command {
  const away = o.side === "buy" ? 50n : -50n;
  if (o.kind === "stop") {
    return cmd.stop(o.userId, o.side, "stopLimit", o.priceTicks + away, o.priceTicks, o.qtyLots);
  }
  if (o.kind === "oco") {
    const stop = o.priceTicks + away;
    return cmd.oco(o.userId, o.side, o.qtyLots, o.priceTicks - away, stop, stop);
  }
  return cmd.limit(o.userId, o.side, o.priceTicks, o.qtyLots);
}
