import { describe, expect, it } from "vitest";
import type { Command } from "../../commands";
import { RejectCode } from "../../reject-code";
import {
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  type TestCommands,
} from "../../test-kit";

function freeze(
  cmd: TestCommands,
  withdrawalId: string,
  amountAtoms: bigint,
  businessId = `freeze-${withdrawalId}`,
): Command {
  return cmd.make({
    type: "balance.withdrawFreeze",
    business: "withdraw",
    businessId,
    withdrawalId,
    userId: 1,
    asset: "BTC",
    amountAtoms,
  });
}

describe("balance.deposit", () => {
  it("credits available against deposit clearing", () => {
    const { core, cmd } = createTestCore();
    const result = expectAccepted(core.apply(cmd.deposit(7, "BTC", 150_000_000n, "tx-1:0")));
    expect(result.events).toEqual([
      {
        type: "balance.changed",
        cause: "deposit",
        orderId: 0,
        tradeId: 0,
        business: "deposit",
        businessId: "tx-1:0",
        postings: [
          {
            account: "deposit",
            userId: 0,
            asset: "BTC",
            amountAtoms: -150_000_000n,
            balanceAtoms: -150_000_000n,
          },
          {
            account: "available",
            userId: 7,
            asset: "BTC",
            amountAtoms: 150_000_000n,
            balanceAtoms: 150_000_000n,
          },
        ],
      },
    ]);
    expect(core.balance(7, "BTC")).toEqual({ availableAtoms: 150_000_000n, frozenAtoms: 0n });
    expect(core.systemBalance("BTC", "deposit")).toBe(-150_000_000n);
  });

  it("returns the first result for a repeated business key and changes nothing", () => {
    const { core, cmd } = createTestCore();
    const first = expectAccepted(core.apply(cmd.deposit(7, "BTC", 5n, "tx-1:0")));
    const hash = core.stateHash();
    const again = expectAccepted(core.apply(cmd.deposit(7, "BTC", 999n, "tx-1:0")));
    expect(again.repeated).toBe(true);
    expect(again.commandId).toBe(first.commandId);
    expect(again.events).toEqual(first.events);
    expect(core.stateHash()).toBe(hash);
    expect(core.balance(7, "BTC").availableAtoms).toBe(5n);
  });

  it("keys idempotency on business and businessId together", () => {
    const { core, cmd } = createTestCore();
    core.apply(cmd.deposit(7, "BTC", 5n, "42"));
    const other = cmd.make({
      type: "balance.deposit",
      business: "airdrop",
      businessId: "42",
      userId: 7,
      asset: "BTC",
      amountAtoms: 5n,
    });
    expect(expectAccepted(core.apply(other)).repeated).toBe(false);
    expect(core.balance(7, "BTC").availableAtoms).toBe(10n);
  });

  it("does not remember a rejected command, so a corrected retry applies", () => {
    const { core, cmd } = createTestCore();
    expect(expectRejected(core.apply(cmd.deposit(7, "DOGE", 5n, "tx-9"))).code).toBe(
      RejectCode.UnknownAsset,
    );
    core.apply(cmd.make({ type: "asset.add", code: "DOGE", precision: 8 }));
    expect(expectAccepted(core.apply(cmd.deposit(7, "DOGE", 5n, "tx-9"))).repeated).toBe(false);
    expect(core.balance(7, "DOGE").availableAtoms).toBe(5n);
  });

  it.each([
    ["zero", 0n, RejectCode.InvalidAmount],
    ["negative", -1n, RejectCode.InvalidAmount],
  ])("rejects a %s amount", (_name, amount, code) => {
    const { core, cmd } = createTestCore();
    expect(expectRejected(core.apply(cmd.deposit(7, "BTC", amount))).code).toBe(code);
  });

  it("rejects a missing business key and a bad user id", () => {
    const { core, cmd } = createTestCore();
    const noKey = cmd.make({
      type: "balance.deposit",
      business: "",
      businessId: "x",
      userId: 7,
      asset: "BTC",
      amountAtoms: 1n,
    });
    expect(expectRejected(core.apply(noKey)).code).toBe(RejectCode.InvalidCommand);
    const badUser = cmd.make({
      type: "balance.deposit",
      business: "d",
      businessId: "x",
      userId: 1.5,
      asset: "BTC",
      amountAtoms: 1n,
    });
    expect(expectRejected(core.apply(badUser)).code).toBe(RejectCode.InvalidCommand);
  });
});

describe("withdrawals", () => {
  it("freeze moves available to frozen; settle pays out through clearing, less the fee", () => {
    const { core, cmd } = createTestCore();
    core.apply(cmd.deposit(1, "BTC", 1_000n));
    expectAccepted(core.apply(freeze(cmd, "w1", 600n)));
    expect(core.balance(1, "BTC")).toEqual({ availableAtoms: 400n, frozenAtoms: 600n });
    expect(core.pendingWithdrawals(1)).toEqual([
      { withdrawalId: "w1", userId: 1, asset: "BTC", amountAtoms: 600n },
    ]);
    const settle = cmd.make({
      type: "balance.withdrawSettle",
      business: "withdraw",
      businessId: "settle-w1",
      withdrawalId: "w1",
      feeAtoms: 50n,
    });
    const result = expectAccepted(core.apply(settle));
    expect(eventsOf(result, "balance.changed")[0]?.postings).toEqual([
      { account: "frozen", userId: 1, asset: "BTC", amountAtoms: -600n, balanceAtoms: 0n },
      { account: "withdrawal", userId: 0, asset: "BTC", amountAtoms: 550n, balanceAtoms: 550n },
      { account: "fee", userId: 0, asset: "BTC", amountAtoms: 50n, balanceAtoms: 50n },
    ]);
    expect(core.balance(1, "BTC")).toEqual({ availableAtoms: 400n, frozenAtoms: 0n });
    expect(core.pendingWithdrawals()).toEqual([]);
  });

  it("release returns the frozen amount to available", () => {
    const { core, cmd } = createTestCore();
    core.apply(cmd.deposit(1, "BTC", 1_000n));
    core.apply(freeze(cmd, "w1", 600n));
    const release = cmd.make({
      type: "balance.withdrawRelease",
      business: "withdraw",
      businessId: "release-w1",
      withdrawalId: "w1",
    });
    expectAccepted(core.apply(release));
    expect(core.balance(1, "BTC")).toEqual({ availableAtoms: 1_000n, frozenAtoms: 0n });
    const settle = cmd.make({
      type: "balance.withdrawSettle",
      business: "withdraw",
      businessId: "settle-w1",
      withdrawalId: "w1",
    });
    expect(expectRejected(core.apply(settle)).code).toBe(RejectCode.WithdrawalNotFound);
  });

  it("rejects a freeze above available, a pending id twice and a fee above the amount", () => {
    const { core, cmd } = createTestCore();
    core.apply(cmd.deposit(1, "BTC", 1_000n));
    expect(expectRejected(core.apply(freeze(cmd, "w1", 1_001n))).code).toBe(
      RejectCode.InsufficientBalance,
    );
    core.apply(freeze(cmd, "w1", 100n));
    expect(expectRejected(core.apply(freeze(cmd, "w1", 100n, "other"))).code).toBe(
      RejectCode.WithdrawalExists,
    );
    const settle = cmd.make({
      type: "balance.withdrawSettle",
      business: "withdraw",
      businessId: "s",
      withdrawalId: "w1",
      feeAtoms: 101n,
    });
    expect(expectRejected(core.apply(settle)).code).toBe(RejectCode.InvalidAmount);
  });
});

describe("balance.transfer", () => {
  it("moves available funds between users", () => {
    const { core, cmd } = createTestCore();
    core.apply(cmd.deposit(1, "USDT", 1_000n));
    const result = expectAccepted(
      core.apply(cmd.transfer({ userId: 1 }, { userId: 2 }, "USDT", 300n)),
    );
    expect(
      eventsOf(result, "balance.changed")[0]?.postings.map((p) => [
        p.account,
        p.userId,
        p.amountAtoms,
      ]),
    ).toEqual([
      ["available", 1, -300n],
      ["available", 2, 300n],
    ]);
    expect(core.balance(2, "USDT").availableAtoms).toBe(300n);
  });

  it("moves funds to and from system accounts open to transfers, which may go negative", () => {
    const { core, cmd } = createTestCore();
    expectAccepted(core.apply(cmd.transfer({ system: "savings" }, { userId: 1 }, "USDT", 70n)));
    expect(core.systemBalance("USDT", "savings")).toBe(-70n);
    expectAccepted(core.apply(cmd.transfer({ userId: 1 }, { system: "insurance" }, "USDT", 20n)));
    expect(core.balance(1, "USDT").availableAtoms).toBe(50n);
  });

  it("funds the loan pool from operator and defunds it only down to zero", () => {
    const { core, cmd } = createTestCore();
    expectAccepted(
      core.apply(cmd.transfer({ system: "operator" }, { system: "loan" }, "USDT", 500n)),
    );
    const tooMuch = core.apply(
      cmd.transfer({ system: "loan" }, { system: "operator" }, "USDT", 501n),
    );
    expect(expectRejected(tooMuch).code).toBe(RejectCode.InsufficientBalance);
    expect(core.systemBalance("USDT", "loan")).toBe(500n);
    expectAccepted(
      core.apply(cmd.transfer({ system: "loan" }, { system: "operator" }, "USDT", 500n)),
    );
    expect(core.systemBalance("USDT", "loan")).toBe(0n);
  });

  it("rejects the same account on both sides, closed system accounts and missing funds", () => {
    const { core, cmd } = createTestCore();
    core.apply(cmd.deposit(1, "USDT", 10n));
    const codes = [
      core.apply(cmd.transfer({ userId: 1 }, { userId: 1 }, "USDT", 1n)),
      core.apply(cmd.transfer({ system: "deposit" }, { userId: 1 }, "USDT", 1n)),
      core.apply(cmd.transfer({ userId: 1 }, { userId: 2 }, "USDT", 11n)),
      core.apply(cmd.transfer({ userId: 1 }, { userId: 2 }, "USDT", 0n)),
    ].map((r) => expectRejected(r).code);
    expect(codes).toEqual([
      RejectCode.InvalidTransfer,
      RejectCode.InvalidTransfer,
      RejectCode.InsufficientBalance,
      RejectCode.InvalidAmount,
    ]);
  });
});

describe("balance.adjust", () => {
  it("credits or debits available against the adjustment account", () => {
    const { core, cmd } = createTestCore();
    const adjust = (amountAtoms: bigint, businessId: string) =>
      cmd.make({
        type: "balance.adjust",
        business: "admin",
        businessId,
        userId: 1,
        asset: "ETH",
        amountAtoms,
      });
    expectAccepted(core.apply(adjust(100n, "a1")));
    expectAccepted(core.apply(adjust(-40n, "a2")));
    expect(core.balance(1, "ETH").availableAtoms).toBe(60n);
    expect(core.systemBalance("ETH", "adjustment")).toBe(-60n);
    expect(expectRejected(core.apply(adjust(-61n, "a3"))).code).toBe(
      RejectCode.InsufficientBalance,
    );
    expect(expectRejected(core.apply(adjust(0n, "a4"))).code).toBe(RejectCode.InvalidAmount);
  });
});
