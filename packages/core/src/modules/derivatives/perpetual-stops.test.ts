import { describe, expect, it } from "vitest";
import type { Command } from "../../commands";
import type { CoreEvent } from "../../events";
import { ExchangeCore } from "../../exchange-core";
import { RejectCode } from "../../reject-code";
import {
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
  PERP_SYMBOL,
  placedId,
  type TestCommands,
} from "../../test-kit";
import type { StopOrderType } from "../../types";
import { SYSTEM_ACCOUNTS } from "../../types";

/**
 * Stop-loss and take-profit orders on BTCUSDT-PERP (ticks of 0.1 USDT, lots of 0.001 BTC, k =
 * 100, 0.05 % taker fee, 20× by default), triggered by the contract's last trade price.
 */
const USDT = 1_000_000n;
const SYMBOL = PERP_SYMBOL;
const BTC_LOTS = 1_000n;
const ticks = (usdt: number) => BigInt(Math.round(usdt * 10));

function perpetuals(): { core: ExchangeCore; cmd: TestCommands } {
  const env = createTestCore();
  const { core, cmd } = env;
  fundUsers(core, cmd, [1, 2, 3]);
  expectAccepted(core.apply(cmd.addContract()));
  for (const user of [1, 2, 3]) {
    expectAccepted(core.apply(cmd.futuresTransfer(user, "toFutures", 10_000n * USDT)));
  }
  return env;
}

function limit(
  cmd: TestCommands,
  userId: number,
  side: "buy" | "sell",
  priceUsdt: number,
  lots: bigint,
  options: Record<string, unknown> = {},
): Command {
  return cmd.limit(userId, side, ticks(priceUsdt), lots, { symbol: SYMBOL, ...options });
}

function stop(
  cmd: TestCommands,
  userId: number,
  side: "buy" | "sell",
  kind: StopOrderType,
  stopUsdt: number,
  limitUsdt: number,
  lots: bigint,
  options: Record<string, unknown> = {},
): Command {
  return cmd.stop(userId, side, kind, ticks(stopUsdt), ticks(limitUsdt), lots, {
    symbol: SYMBOL,
    ...options,
  });
}

/** A reduce-only stop of `kind` that closes through the book down (or up) to `limitUsdt`. */
function protective(
  cmd: TestCommands,
  userId: number,
  side: "buy" | "sell",
  kind: StopOrderType,
  stopUsdt: number,
  limitUsdt: number,
  lots: bigint,
): Command {
  return stop(cmd, userId, side, kind, stopUsdt, limitUsdt, lots, {
    reduceOnly: true,
    timeInForce: "IOC",
  });
}

/** User 1 long 1 BTC at 50 000 against user 2's short. */
function long(core: ExchangeCore, cmd: TestCommands): void {
  expectAccepted(core.apply(limit(cmd, 2, "sell", 50_000, BTC_LOTS)));
  expectAccepted(core.apply(limit(cmd, 1, "buy", 50_000, BTC_LOTS, { timeInForce: "IOC" })));
}

/** User 3 bids `lots` at `priceUsdt`, and user 2 sells one lot into it: a trade prints there. */
function printTrade(core: ExchangeCore, cmd: TestCommands, priceUsdt: number, lots: bigint) {
  expectAccepted(core.apply(limit(cmd, 3, "buy", priceUsdt, lots + 1n)));
  return expectAccepted(core.apply(limit(cmd, 2, "sell", priceUsdt, 1n, { timeInForce: "IOC" })));
}

/** User `userId`'s order.filled event in a result. */
function filledOf(result: { events: readonly CoreEvent[] }, userId: number): CoreEvent | undefined {
  return result.events.find((e) => e.type === "order.filled" && e.userId === userId);
}

function rejects(core: ExchangeCore, command: Command, code: RejectCode): void {
  const before = core.stateHash();
  const result = expectRejected(core.apply(command));
  expect(result.code, result.message).toBe(code);
  expect(core.stateHash()).toBe(before);
}

/** The ledger sums to zero; futuresMargin is the wallets and isolated margins; reservations add up. */
function expectExact(core: ExchangeCore): void {
  for (const asset of core.assetCodes()) {
    let sum = 0n;
    for (const account of SYSTEM_ACCOUNTS) sum += core.systemBalance(asset, account);
    for (const user of core.userIds()) {
      const b = core.balance(user, asset);
      sum += b.availableAtoms + b.frozenAtoms;
    }
    expect(sum, `${asset} sums to zero`).toBe(0n);
  }
  let held = 0n;
  for (const user of [1, 2, 3]) {
    held += core.futuresWallet(user, "USDT");
    held += core.position(user, SYMBOL)?.isolatedMarginAtoms ?? 0n;
    const reserved = core
      .openOrders(user)
      .filter((o) => o.symbol === SYMBOL)
      .reduce((total, o) => total + o.frozenAtoms, 0n);
    expect(core.position(user, SYMBOL)?.orderMarginAtoms ?? 0n, `user ${user}`).toBe(reserved);
  }
  expect(core.systemBalance("USDT", "futuresMargin")).toBe(held);
}

describe("stop and take-profit orders on a perpetual", () => {
  it("a reduce-only stop-loss sell at 49 000 on a 1 BTC long reserves nothing and closes it through the book when a trade prints 49 000", () => {
    const { core, cmd } = perpetuals();
    long(core, cmd);
    const placed = expectAccepted(
      core.apply(protective(cmd, 1, "sell", "stopLimit", 49_000, 46_550, BTC_LOTS)),
    );
    expect(eventsOf(placed, "order.accepted")[0]).toMatchObject({
      stopOrderType: "stopLimit",
      frozenAtoms: 0n,
    });
    expect(core.openOrders(1)).toMatchObject([{ waiting: true, frozenAtoms: 0n }]);
    // A trade at 49 000.1 does not reach it.
    printTrade(core, cmd, 49_000.1, 0n);
    expect(core.position(1, SYMBOL)?.qtyLots).toBe(BTC_LOTS);
    const result = printTrade(core, cmd, 49_000, BTC_LOTS);
    expect(eventsOf(result, "order.triggered")).toMatchObject([
      { userId: 1, stopPriceTicks: ticks(49_000), lastPriceTicks: ticks(49_000) },
    ]);
    expect(filledOf(result, 1)).toMatchObject({
      filledLots: BTC_LOTS,
    });
    expect(core.position(1, SYMBOL)).toMatchObject({
      qtyLots: 0n,
      realisedPnlAtoms: -1_000n * USDT,
    });
    expect(core.openOrders(1)).toEqual([]);
    expectExact(core);
  });

  it("a reduce-only stop-loss sell of 1 BTC on a long cut to 0.4 BTC meanwhile is clipped to the 0.4 BTC left when it triggers", () => {
    const { core, cmd } = perpetuals();
    long(core, cmd);
    expectAccepted(core.apply(protective(cmd, 1, "sell", "stopLimit", 49_000, 46_550, BTC_LOTS)));
    expectAccepted(core.apply(limit(cmd, 3, "buy", 50_000, 600n)));
    expectAccepted(
      core.apply(limit(cmd, 1, "sell", 50_000, 600n, { reduceOnly: true, timeInForce: "IOC" })),
    );
    expect(core.position(1, SYMBOL)?.qtyLots).toBe(400n);
    expect(core.openOrders(1)).toHaveLength(1);
    const result = printTrade(core, cmd, 49_000, BTC_LOTS);
    expect(filledOf(result, 1)).toMatchObject({
      filledLots: 400n,
      remainingLots: 0n,
    });
    // It sold 0.4 BTC, not 1: no short was opened.
    expect(core.position(1, SYMBOL)?.qtyLots).toBe(0n);
    expect(core.position(3, SYMBOL)?.qtyLots).toBe(600n + 1n + 400n);
    expectExact(core);
  });

  it("a take-profit sell at 52 000 closes a 1 BTC long when a trade prints 52 000, and the stop-loss at 49 000 is cancelled as the position closes", () => {
    const { core, cmd } = perpetuals();
    long(core, cmd);
    const sl = placedId(
      expectAccepted(core.apply(protective(cmd, 1, "sell", "stopLimit", 49_000, 46_550, BTC_LOTS))),
    );
    expectAccepted(
      core.apply(protective(cmd, 1, "sell", "takeProfitLimit", 52_000, 49_400, BTC_LOTS)),
    );
    const result = printTrade(core, cmd, 52_000, BTC_LOTS);
    expect(core.position(1, SYMBOL)).toMatchObject({
      qtyLots: 0n,
      realisedPnlAtoms: 2_000n * USDT,
    });
    expect(eventsOf(result, "order.cancelled")).toMatchObject([
      { orderId: sl, userId: 1, reason: "positionClosed" },
    ]);
    expect(core.openOrders(1)).toEqual([]);
    expectExact(core);
  });

  it("a reduce-only stop-loss is cancelled when the position is closed by hand, and one on a short survives a partial close", () => {
    const { core, cmd } = perpetuals();
    long(core, cmd);
    expectAccepted(core.apply(protective(cmd, 1, "sell", "stopLimit", 49_000, 46_550, BTC_LOTS)));
    expectAccepted(core.apply(protective(cmd, 2, "buy", "stopLimit", 51_000, 53_550, BTC_LOTS)));
    expectAccepted(core.apply(limit(cmd, 3, "buy", 50_000, BTC_LOTS)));
    const closed = expectAccepted(
      core.apply(limit(cmd, 1, "sell", 50_000, BTC_LOTS, { reduceOnly: true, timeInForce: "IOC" })),
    );
    expect(eventsOf(closed, "order.cancelled").map((e) => [e.userId, e.reason])).toEqual([
      [1, "positionClosed"],
    ]);
    // User 2's short of 1 BTC is cut by half: its stop stays.
    expectAccepted(core.apply(limit(cmd, 3, "sell", 50_000, 500n)));
    expectAccepted(
      core.apply(limit(cmd, 2, "buy", 50_000, 500n, { reduceOnly: true, timeInForce: "IOC" })),
    );
    expect(core.openOrders(2)).toMatchObject([{ stopOrderType: "stopLimit", waiting: true }]);
    expectExact(core);
  });

  it("a stop buy of 1 BTC at 51 000 reserves 2 550 margin + 25.5 fee when placed, keeps it while it waits, and opens the long when a trade prints 51 000", () => {
    const { core, cmd } = perpetuals();
    const placed = expectAccepted(
      core.apply(stop(cmd, 1, "buy", "stopLimit", 51_000, 51_000, BTC_LOTS)),
    );
    expect(eventsOf(placed, "order.accepted")[0]?.frozenAtoms).toBe(2_575_500_000n);
    expect(core.position(1, SYMBOL)?.orderMarginAtoms).toBe(2_575_500_000n);
    // Nothing frozen on spot.
    expect(core.balance(1, "USDT").frozenAtoms).toBe(0n);
    expectAccepted(core.apply(limit(cmd, 3, "sell", 51_000, 2n * BTC_LOTS)));
    const result = expectAccepted(
      core.apply(limit(cmd, 2, "buy", 51_000, 1n, { timeInForce: "IOC" })),
    );
    expect(eventsOf(result, "order.triggered")).toMatchObject([
      { userId: 1, frozenAtoms: 2_575_500_000n },
    ]);
    expect(core.position(1, SYMBOL)).toMatchObject({
      qtyLots: BTC_LOTS,
      costAtoms: 51_000n * USDT,
      orderMarginAtoms: 0n,
    });
    expect(core.futuresWallet(1, "USDT")).toBe(10_000n * USDT - 25_500_000n);
    expectExact(core);
  });

  it("a take-profit buy of 0.5 BTC at 48 000 GTC that finds no seller rests on the book holding its reservation", () => {
    const { core, cmd } = perpetuals();
    expectAccepted(core.apply(limit(cmd, 3, "buy", 50_000, 1n)));
    expectAccepted(core.apply(limit(cmd, 2, "sell", 50_000, 1n, { timeInForce: "IOC" })));
    expectAccepted(core.apply(stop(cmd, 1, "buy", "takeProfitLimit", 48_000, 48_000, 500n)));
    const reserved = core.position(1, SYMBOL)?.orderMarginAtoms;
    expectAccepted(core.apply(limit(cmd, 3, "buy", 48_000, 1n)));
    expectAccepted(core.apply(limit(cmd, 2, "sell", 48_000, 1n, { timeInForce: "IOC" })));
    expect(core.openOrders(1)).toMatchObject([{ waiting: false, priceTicks: ticks(48_000) }]);
    expect(core.position(1, SYMBOL)?.orderMarginAtoms).toBe(reserved);
    expectExact(core);
  });

  it("refuses a reduce-only stop that could rest (GTC), one on the position's own side or larger than it, one beyond the margin, and one the last price already meets", () => {
    const { core, cmd } = perpetuals();
    long(core, cmd);
    rejects(
      core,
      stop(cmd, 1, "sell", "stopLimit", 49_000, 46_550, BTC_LOTS, { reduceOnly: true }),
      RejectCode.InvalidOrderOptions,
    );
    rejects(
      core,
      protective(cmd, 1, "buy", "stopLimit", 51_000, 53_000, 100n),
      RejectCode.ReduceOnlyWouldIncrease,
    );
    rejects(
      core,
      protective(cmd, 1, "sell", "stopLimit", 49_000, 46_550, BTC_LOTS + 1n),
      RejectCode.ReduceOnlyWouldIncrease,
    );
    rejects(
      core,
      stop(cmd, 3, "buy", "stopLimit", 51_000, 51_000, 10n * BTC_LOTS),
      RejectCode.InsufficientMargin,
    );
    rejects(
      core,
      protective(cmd, 1, "sell", "stopLimit", 50_000, 47_500, BTC_LOTS),
      RejectCode.StopWouldTriggerNow,
    );
    rejects(
      core,
      cmd.oco(1, "sell", BTC_LOTS, ticks(52_000), ticks(49_000), ticks(48_000), { symbol: SYMBOL }),
      RejectCode.NotForContracts,
    );
  });

  it("a liquidation cancels waiting stops: an isolated 10× long liquidated at 45 180.7 loses its reduce-only stop at 40 000 and its stop buy at 55 000, and their reservation", () => {
    const { core, cmd } = perpetuals();
    expectAccepted(core.apply(cmd.marginMode(1, "isolated")));
    expectAccepted(core.apply(cmd.leverage(1, 10)));
    long(core, cmd);
    expectAccepted(core.apply(protective(cmd, 1, "sell", "stopLimit", 40_000, 38_000, BTC_LOTS)));
    expectAccepted(core.apply(stop(cmd, 1, "buy", "stopLimit", 55_000, 55_000, 100n)));
    expect(core.position(1, SYMBOL)?.orderMarginAtoms).toBeGreaterThan(0n);
    expectAccepted(core.apply(limit(cmd, 3, "buy", 45_500, BTC_LOTS)));
    const result = expectAccepted(core.apply(cmd.mark(ticks(45_180.7))));
    expect(eventsOf(result, "position.liquidated")).toMatchObject([{ userId: 1 }]);
    expect(
      eventsOf(result, "order.cancelled")
        .filter((e) => e.userId === 1)
        .map((e) => e.reason),
    ).toEqual(["liquidation", "liquidation"]);
    expect(core.openOrders(1)).toEqual([]);
    expect(core.position(1, SYMBOL)?.orderMarginAtoms).toBe(0n);
    expectExact(core);
  });

  it("a short deleveraged flat loses its reduce-only stop-loss", () => {
    const { core, cmd } = perpetuals();
    expectAccepted(core.apply(cmd.marginMode(1, "isolated")));
    expectAccepted(core.apply(cmd.leverage(1, 10)));
    long(core, cmd);
    expectAccepted(core.apply(protective(cmd, 2, "buy", "stopLimit", 51_000, 53_550, BTC_LOTS)));
    // No bid: the liquidation of user 1's long falls to auto-deleveraging against user 2.
    const result = expectAccepted(core.apply(cmd.mark(ticks(45_000))));
    expect(eventsOf(result, "position.deleveraged")).toMatchObject([{ userId: 2 }]);
    expect(eventsOf(result, "order.cancelled").map((e) => [e.userId, e.reason])).toContainEqual([
      2,
      "positionClosed",
    ]);
    expect(core.openOrders(2)).toEqual([]);
    expectExact(core);
  });

  it("keeps waiting perpetual stops and their reservations through a snapshot, and both copies trigger alike", () => {
    const { core, cmd } = perpetuals();
    long(core, cmd);
    expectAccepted(core.apply(protective(cmd, 1, "sell", "stopLimit", 49_000, 46_550, BTC_LOTS)));
    expectAccepted(core.apply(stop(cmd, 3, "sell", "stopLimit", 48_000, 48_000, 200n)));
    const restored = ExchangeCore.restore(JSON.parse(JSON.stringify(core.snapshot())));
    expect(restored.stateHash()).toBe(core.stateHash());
    expect(restored.openOrders(1)).toEqual(core.openOrders(1));
    const bid = limit(cmd, 3, "buy", 47_000, 3n * BTC_LOTS);
    const sell = limit(cmd, 2, "sell", 47_000, 1n, { timeInForce: "IOC" });
    for (const c of [core, restored]) expectAccepted(c.apply(bid));
    expect(restored.apply(sell)).toEqual(core.apply(sell));
    expect(restored.stateHash()).toBe(core.stateHash());
    expect(core.position(1, SYMBOL)?.qtyLots).toBe(0n);
  });
});
