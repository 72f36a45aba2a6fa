import { describe, expect, it } from "vitest";
import type { Command } from "./commands";
import { ExchangeCore } from "./exchange-core";
import type { BookKind } from "./modules/spot/book/order-book";
import { SNAPSHOT_VERSION } from "./snapshot";
import { hashText } from "./state-hash";
import { createTestCore, fundUsers, type TestCommands } from "./test-kit";
import { SYSTEM_ACCOUNTS } from "./types";

/**
 * A state with resting orders on both sides, fills, fees, a pending withdrawal, receipts and
 * savings positions (one with interest paid).
 */
function busyCore(book: BookKind): { core: ExchangeCore; cmd: TestCommands } {
  const env = createTestCore(book);
  const { core, cmd } = env;
  fundUsers(core, cmd, [1, 2, 3]);
  core.apply(
    cmd.make({ type: "feeTier.set", tier: 2, makerScalePpm: 500_000, takerScalePpm: 900_000 }),
  );
  core.apply(cmd.make({ type: "feeTier.assign", userId: 3, tier: 2 }));
  core.apply(cmd.limit(1, "buy", 999n, 5n, { clientOrderId: "b1" }));
  core.apply(cmd.limit(2, "buy", 999n, 3n));
  core.apply(cmd.limit(1, "buy", 998n, 7n));
  core.apply(cmd.limit(2, "sell", 1_001n, 4n));
  core.apply(cmd.limit(3, "sell", 1_001n, 2n, { clientOrderId: "s1" }));
  core.apply(cmd.limit(3, "sell", 999n, 6n));
  core.apply(
    cmd.make({
      type: "balance.withdrawFreeze",
      business: "w",
      businessId: "1",
      withdrawalId: "w-1",
      userId: 2,
      asset: "USDT",
      amountAtoms: 77n,
    }),
  );
  core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "cancelOnly" }));
  core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "trading" }));
  core.apply(cmd.subscribe(1, "sub-b", "USDT", 5_000n));
  core.apply(cmd.subscribe(2, "sub-a", "BTC", 300n));
  core.apply(cmd.subscribe(3, "sub-c", "USDT", 9_000n));
  core.apply(cmd.payout("sub-b", "plan-b-1", 11n));
  return env;
}

/** Commands that exercise everything the snapshot must have kept. */
function followUp(cmd: TestCommands): Command[] {
  return [
    cmd.limit(1, "sell", 999n, 4n),
    cmd.limit(2, "buy", 1_001n, 10n),
    cmd.limit(1, "buy", 999n, 1n, { clientOrderId: "b1" }),
    cmd.make({ type: "order.cancel", userId: 3, symbol: "BTCUSDT", clientOrderId: "s1" }),
    cmd.make({
      type: "balance.withdrawSettle",
      business: "w",
      businessId: "2",
      withdrawalId: "w-1",
      feeAtoms: 7n,
    }),
    cmd.deposit(1, "BTC", 5n, "dep-1"),
    cmd.make({ type: "order.cancelAll", userId: 1, symbol: "BTCUSDT" }),
    cmd.payout("sub-b", "plan-b-1", 11n),
    cmd.redeem("sub-b", true, 2n),
    cmd.payout("sub-a", "plan-a-1", 4n, 300n),
    cmd.payout("sub-a", "plan-a-2", 4n),
    cmd.subscribe(3, "sub-c", "USDT", 1n),
  ];
}

describe.each<BookKind>(["fast", "naive"])("snapshot and restore from the %s book", (book) => {
  it("is plain JSON and restores to the same hash into either book", () => {
    const { core } = busyCore(book);
    const json = JSON.stringify(core.snapshot());
    expect(json).not.toMatch(/\d+n"/);
    const hash = core.stateHash();
    expect(ExchangeCore.restore(JSON.parse(json), { book: "fast" }).stateHash()).toBe(hash);
    expect(ExchangeCore.restore(JSON.parse(json), { book: "naive" }).stateHash()).toBe(hash);
  });

  it("restores behaviour: the same commands give the same results and state", () => {
    const original = busyCore(book);
    const restored = ExchangeCore.restore(JSON.parse(JSON.stringify(original.core.snapshot())), {
      book,
    });
    const commands = followUp(original.cmd);
    for (const command of commands) {
      expect(restored.apply(command)).toEqual(original.core.apply(command));
    }
    expect(restored.stateHash()).toBe(original.core.stateHash());
  });

  it("keeps the book's priority, sequence numbers and depth", () => {
    const { core } = busyCore(book);
    const restored = ExchangeCore.restore(JSON.parse(JSON.stringify(core.snapshot())), { book });
    expect(restored.depth("BTCUSDT", 10)).toEqual(core.depth("BTCUSDT", 10));
    expect(restored.openOrders(1)).toEqual(core.openOrders(1));
    expect(restored.market("BTCUSDT")?.bookSeq).toBe(core.market("BTCUSDT")?.bookSeq);
  });

  it("keeps business keys: a repeated key after restore returns the first result", () => {
    const { core, cmd } = busyCore(book);
    const first = core.apply(cmd.deposit(1, "BTC", 5n, "once"));
    const restored = ExchangeCore.restore(JSON.parse(JSON.stringify(core.snapshot())), { book });
    const again = restored.apply(cmd.deposit(1, "BTC", 5n, "once"));
    expect(again).toEqual({ ...first, repeated: true });
  });
});

describe("savings positions in the snapshot", () => {
  it("are written sorted by subscription id, amounts as strings, after the receipts", () => {
    const { core } = busyCore("fast");
    const snapshot = JSON.parse(JSON.stringify(core.snapshot()));
    expect(snapshot.version).toBe(SNAPSHOT_VERSION);
    expect(Object.keys(snapshot).slice(-8, -6)).toEqual(["receipts", "savingsPositions"]);
    expect(snapshot.savingsPositions).toEqual([
      {
        subscriptionId: "sub-a",
        userId: 2,
        asset: "BTC",
        principalAtoms: "300",
        interestPaidAtoms: "0",
      },
      {
        subscriptionId: "sub-b",
        userId: 1,
        asset: "USDT",
        principalAtoms: "5000",
        interestPaidAtoms: "11",
      },
      {
        subscriptionId: "sub-c",
        userId: 3,
        asset: "USDT",
        principalAtoms: "9000",
        interestPaidAtoms: "0",
      },
    ]);
    expect(snapshot.assets[1].system).toHaveLength(SYSTEM_ACCOUNTS.length);
    expect(snapshot.assets[1].system[SYSTEM_ACCOUNTS.indexOf("savingsInterest")]).toBe("-11");
  });
});

describe("a version 2 snapshot (before savings)", () => {
  /** What a version 2 engine wrote: no savings key, nine system accounts per asset. */
  function versionTwo(core: ExchangeCore): string {
    const { savingsPositions, ...rest } = JSON.parse(JSON.stringify(core.snapshot()));
    expect(savingsPositions).toEqual([]);
    return JSON.stringify({
      ...rest,
      version: 2,
      assets: rest.assets.map((a: { system: string[] }) => ({
        ...a,
        system: a.system.slice(0, SYSTEM_ACCOUNTS.indexOf("savingsInterest")),
      })),
    });
  }

  it("restores with no positions and the savings interest account at zero, then runs savings", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1, 2]);
    core.apply(cmd.limit(1, "buy", 999n, 5n));
    core.apply(cmd.transfer({ userId: 2 }, { system: "savings" }, "USDT", 70n));
    const text = versionTwo(core);
    expect(text).not.toContain("savingsPositions");
    const restored = ExchangeCore.restore(JSON.parse(text));
    expect(restored.stateHash()).toBe(core.stateHash());
    expect(restored.systemBalance("USDT", "savings")).toBe(70n);
    expect(restored.systemBalance("USDT", "savingsInterest")).toBe(0n);
    expect(restored.savingsPositions()).toEqual([]);
    expect(restored.snapshot().version).toBe(SNAPSHOT_VERSION);
    for (const command of [
      cmd.subscribe(1, "s1", "USDT", 1_000n),
      cmd.payout("s1", "p1", 3n),
      cmd.redeem("s1", true),
    ]) {
      expect(restored.apply(command)).toEqual(core.apply(command));
    }
    expect(restored.stateHash()).toBe(core.stateHash());
  });

  it("does not hash to its own text any more: the layout changed", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1]);
    const text = versionTwo(core);
    expect(ExchangeCore.restore(JSON.parse(text)).stateHash()).not.toBe(hashText(text));
  });
});

describe("a version 4 snapshot (before lending)", () => {
  /** What a version 4 engine wrote: no lending keys, no loanCollateral / loanIncome accounts. */
  function versionFour(core: ExchangeCore): string {
    const { loans, indexPrices, lendingReceipts, ...rest } = JSON.parse(
      JSON.stringify(core.snapshot()),
    );
    expect([loans, indexPrices, lendingReceipts]).toEqual([[], [], []]);
    return JSON.stringify({
      ...rest,
      version: 4,
      assets: rest.assets.map((a: { system: string[] }) => ({
        ...a,
        system: a.system.slice(0, SYSTEM_ACCOUNTS.indexOf("loanCollateral")),
      })),
    });
  }

  it("restores with no loans, no index and the lending accounts at zero, then runs lending", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1, 2]);
    core.apply(cmd.limit(1, "buy", 999n, 5n));
    core.apply(cmd.subscribe(2, "s1", "USDT", 1_000n));
    core.apply(cmd.transfer({ system: "operator" }, { system: "loan" }, "USDT", 10n ** 12n));
    const text = versionFour(core);
    expect(text).not.toContain("loans");
    const restored = ExchangeCore.restore(JSON.parse(text));
    expect(restored.stateHash()).toBe(core.stateHash());
    expect(restored.systemBalance("USDT", "loan")).toBe(10n ** 12n);
    expect(restored.systemBalance("BTC", "loanCollateral")).toBe(0n);
    expect(restored.systemBalance("USDT", "loanIncome")).toBe(0n);
    expect(restored.loans()).toEqual([]);
    expect(restored.snapshot().version).toBe(SNAPSHOT_VERSION);
    for (const command of [
      cmd.index("BTC", "USDT", 30_000_000_000n),
      cmd.openLoan(1, "loan-1", 100_000_000n, 24_000_000_000n),
      cmd.accrue("loan-1", 1, 1_000n),
      cmd.repayLoan("loan-1", "r-1", 24_000_001_000n),
    ]) {
      expect(restored.apply(command)).toEqual(core.apply(command));
    }
    expect(restored.stateHash()).toBe(core.stateHash());
  });
});

describe("loans in the snapshot", () => {
  it("restore to the same state and answer repeated lending keys with their first result", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1, 2]);
    core.apply(cmd.transfer({ system: "operator" }, { system: "loan" }, "USDT", 10n ** 12n));
    core.apply(cmd.index("BTC", "USDT", 30_000_000_000n));
    core.apply(cmd.openLoan(1, "loan-1", 100_000_000n, 20_000_000_000n));
    core.apply(cmd.limit(2, "buy", 2_400_000n, 10_000n));
    core.apply(cmd.accrue("loan-1", 1, 7n));
    const open = cmd.openLoan(2, "loan-2", 100_000_000n, 24_000_000_000n, { maturesAt: cmd.ts });
    core.apply(open);
    const liquidate = cmd.liquidate("loan-2", "maturity");
    core.apply(liquidate);
    const sell = cmd.liquidationSell("loan-2", 1, 50_000_000n, 1n);
    const first = core.apply(sell);
    expect(first.accepted).toBe(true);
    const text = JSON.stringify(core.snapshot());
    const restored = ExchangeCore.restore(JSON.parse(text));
    expect(restored.stateHash()).toBe(core.stateHash());
    expect(restored.stateHash()).toBe(hashText(text));
    expect(restored.loans()).toEqual(core.loans());
    expect(restored.indexPrice("BTC", "USDT")).toEqual(core.indexPrice("BTC", "USDT"));
    expect(restored.apply(sell)).toEqual({ ...first, repeated: true });
    expect(restored.apply(open)).toEqual(core.apply(open));
    expect(restored.stateHash()).toBe(core.stateHash());
  });
});

describe("stateHash", () => {
  it("is equal for identical replays and differs when anything differs", () => {
    const a = busyCore("fast");
    const b = busyCore("naive");
    expect(a.core.stateHash()).toBe(b.core.stateHash());
    expect(a.core.stateHash()).toMatch(/^[0-9a-f]{32}$/);
    b.core.apply(b.cmd.deposit(9, "ETH", 1n));
    expect(a.core.stateHash()).not.toBe(b.core.stateHash());
  });

  it("does not depend on the order in which users first appeared", () => {
    const one = createTestCore();
    const two = createTestCore();
    fundUsers(one.core, one.cmd, [1, 2]);
    fundUsers(two.core, two.cmd, [1, 2]);
    // Same balances reached through different histories of account creation.
    const x = one.core.apply(one.cmd.make({ type: "feeTier.assign", userId: 5, tier: 0 }));
    const y = one.core.apply(one.cmd.make({ type: "feeTier.assign", userId: 4, tier: 0 }));
    two.core.apply(two.cmd.make({ type: "feeTier.assign", userId: 4, tier: 0 }));
    two.core.apply(two.cmd.make({ type: "feeTier.assign", userId: 5, tier: 0 }));
    expect(x.accepted && y.accepted).toBe(true);
    expect(one.core.stateHash()).toBe(two.core.stateHash());
  });
});
