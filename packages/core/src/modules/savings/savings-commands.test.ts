import { describe, expect, it } from "vitest";
import type { Command } from "../../commands";
import type { BalanceChangedEvent, CommandResult, Posting } from "../../events";
import type { ExchangeCore } from "../../exchange-core";
import { RejectCode } from "../../reject-code";
import {
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
  type TestCommands,
} from "../../test-kit";

/** User 1 holds 10^14 USDT atoms (fundUsers); user 2 too; user 9 has nothing. */
function funded(): { core: ExchangeCore; cmd: TestCommands } {
  const env = createTestCore();
  fundUsers(env.core, env.cmd, [1, 2]);
  return env;
}

const FUNDS = 100_000_000_000_000n;

/** The one `balance.changed` of an accepted savings command, its postings summing to zero. */
function change(result: CommandResult): BalanceChangedEvent {
  const events = eventsOf(expectAccepted(result), "balance.changed");
  expect(result.events).toHaveLength(1);
  const [event] = events;
  if (event === undefined) throw new Error("no balance.changed");
  const sums = new Map<string, bigint>();
  for (const p of event.postings) sums.set(p.asset, (sums.get(p.asset) ?? 0n) + p.amountAtoms);
  for (const sum of sums.values()) expect(sum).toBe(0n);
  for (const p of event.postings) expect(p.amountAtoms).not.toBe(0n);
  return event;
}

function user(userId: number, amountAtoms: bigint, balanceAtoms: bigint): Posting {
  return { account: "available", userId, asset: "USDT", amountAtoms, balanceAtoms };
}

function system(account: Posting["account"], amountAtoms: bigint, balanceAtoms: bigint): Posting {
  return { account, userId: 0, asset: "USDT", amountAtoms, balanceAtoms };
}

/** Applies a command that must be rejected with `code`, and checks that nothing changed. */
function rejects(core: ExchangeCore, command: Command, code: RejectCode): void {
  const before = core.stateHash();
  const result = expectRejected(core.apply(command));
  expect(result.code, result.message).toBe(code);
  expect(result.events).toEqual([]);
  expect(core.stateHash()).toBe(before);
}

describe("savings.subscribe", () => {
  it("moves the amount from the user's available balance to the savings pool and opens a position", () => {
    const { core, cmd } = funded();
    const event = change(core.apply(cmd.subscribe(1, "sub-1", "USDT", 1_000_000n)));
    expect(event).toMatchObject({
      cause: "savings.subscribe",
      orderId: 0,
      tradeId: 0,
      business: "savings.subscribe",
      businessId: "sub-1",
    });
    expect(event.postings).toEqual([
      user(1, -1_000_000n, FUNDS - 1_000_000n),
      system("savings", 1_000_000n, 1_000_000n),
    ]);
    expect(core.balance(1, "USDT").availableAtoms).toBe(FUNDS - 1_000_000n);
    expect(core.systemBalance("USDT", "savings")).toBe(1_000_000n);
    expect(core.savingsPositions()).toEqual([
      {
        subscriptionId: "sub-1",
        userId: 1,
        asset: "USDT",
        principalAtoms: 1_000_000n,
        interestPaidAtoms: 0n,
      },
    ]);
  });

  it("may take the whole available balance, not an atom more", () => {
    const { core, cmd } = funded();
    rejects(core, cmd.subscribe(1, "sub-1", "USDT", FUNDS + 1n), RejectCode.InsufficientBalance);
    change(core.apply(cmd.subscribe(1, "sub-1", "USDT", FUNDS)));
    expect(core.balance(1, "USDT").availableAtoms).toBe(0n);
  });

  it("rejects, changing nothing: bad user or id, unknown asset, bad amount, no funds, an open id", () => {
    const { core, cmd } = funded();
    change(core.apply(cmd.subscribe(1, "open", "USDT", 10n)));
    const subscribe = (overrides: Record<string, unknown>) =>
      ({ ...cmd.subscribe(1, "sub-2", "USDT", 10n), ...overrides }) as Command;
    rejects(core, subscribe({ userId: 0 }), RejectCode.InvalidCommand);
    rejects(core, subscribe({ userId: 1.5 }), RejectCode.InvalidCommand);
    rejects(core, subscribe({ subscriptionId: "" }), RejectCode.InvalidCommand);
    rejects(core, subscribe({ subscriptionId: "x".repeat(129) }), RejectCode.InvalidCommand);
    rejects(core, subscribe({ business: "" }), RejectCode.InvalidCommand);
    rejects(core, subscribe({ asset: "XYZ" }), RejectCode.UnknownAsset);
    rejects(core, subscribe({ amountAtoms: 0n }), RejectCode.InvalidAmount);
    rejects(core, subscribe({ amountAtoms: -1n }), RejectCode.InvalidAmount);
    rejects(core, subscribe({ userId: 9 }), RejectCode.InsufficientBalance);
    rejects(core, subscribe({ asset: "ETH" }), RejectCode.InsufficientBalance);
    rejects(
      core,
      subscribe({ subscriptionId: "open", businessId: "other" }),
      RejectCode.SavingsPositionExists,
    );
    expect(core.savingsPositions().map((p) => p.subscriptionId)).toEqual(["open"]);
  });

  it("returns the first result for a repeated key and changes nothing, even with other amounts", () => {
    const { core, cmd } = funded();
    const first = expectAccepted(core.apply(cmd.subscribe(1, "sub-1", "USDT", 500n)));
    const hash = core.stateHash();
    const again = expectAccepted(core.apply(cmd.subscribe(1, "sub-1", "USDT", 999n)));
    expect(again).toEqual({ ...first, repeated: true });
    expect(core.stateHash()).toBe(hash);
    expect(core.systemBalance("USDT", "savings")).toBe(500n);
  });
});

describe("savings.payout", () => {
  it("pays interest from the savings interest account and keeps the position open", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "sub-1", "USDT", 1_000_000n));
    const event = change(core.apply(cmd.payout("sub-1", "plan-1", 1_234n)));
    expect(event).toMatchObject({
      cause: "savings.payout",
      business: "savings.payout",
      businessId: "plan-1",
    });
    expect(event.postings).toEqual([
      system("savingsInterest", -1_234n, -1_234n),
      user(1, 1_234n, FUNDS - 1_000_000n + 1_234n),
    ]);
    change(core.apply(cmd.payout("sub-1", "plan-2", 766n)));
    expect(core.savingsPositions()[0]).toMatchObject({
      principalAtoms: 1_000_000n,
      interestPaidAtoms: 2_000n,
    });
    expect(core.systemBalance("USDT", "savingsInterest")).toBe(-2_000n);
    expect(core.systemBalance("USDT", "savings")).toBe(1_000_000n);
  });

  it("with the last plan returns exactly the principal and closes the position", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "sub-1", "USDT", 1_000_000n));
    core.apply(cmd.payout("sub-1", "plan-1", 100n));
    const event = change(core.apply(cmd.payout("sub-1", "plan-2", 50n, 1_000_000n)));
    expect(event.postings).toEqual([
      system("savingsInterest", -50n, -150n),
      user(1, 50n, FUNDS - 1_000_000n + 150n),
      system("savings", -1_000_000n, 0n),
      user(1, 1_000_000n, FUNDS + 150n),
    ]);
    expect(core.savingsPositions()).toEqual([]);
    expect(core.balance(1, "USDT").availableAtoms).toBe(FUNDS + 150n);
  });

  it("may return the principal with no interest", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "sub-1", "USDT", 700n));
    const event = change(core.apply(cmd.payout("sub-1", "plan-1", 0n, 700n)));
    expect(event.postings).toEqual([system("savings", -700n, 0n), user(1, 700n, FUNDS)]);
  });

  it("rejects, changing nothing: unknown position, negative interest, another principal, nothing to pay", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "sub-1", "USDT", 1_000n));
    rejects(core, cmd.payout("sub-x", "p", 1n), RejectCode.SavingsPositionNotFound);
    rejects(core, cmd.payout("sub-1", "p", -1n), RejectCode.InvalidAmount);
    rejects(core, cmd.payout("sub-1", "p", 1n, 999n), RejectCode.InvalidAmount);
    rejects(core, cmd.payout("sub-1", "p", 1n, 1_001n), RejectCode.InvalidAmount);
    rejects(core, cmd.payout("sub-1", "p", 1n, -1_000n), RejectCode.InvalidAmount);
    rejects(core, cmd.payout("sub-1", "p", 0n, 0n), RejectCode.InvalidAmount);
    rejects(
      core,
      { ...cmd.payout("sub-1", "p", 1n), businessId: "" } as Command,
      RejectCode.InvalidCommand,
    );
  });

  it("returns principal and interest even to a user holding the asset's maximum", () => {
    const { core, cmd } = funded();
    core.apply(cmd.make({ type: "asset.add", code: "PTS", precision: 0, maxAmountAtoms: 100n }));
    core.apply(cmd.deposit(1, "PTS", 100n));
    change(core.apply(cmd.subscribe(1, "pts", "PTS", 40n)));
    core.apply(cmd.deposit(1, "PTS", 40n));
    change(core.apply(cmd.payout("pts", "p1", 1n)));
    change(core.apply(cmd.payout("pts", "p2", 1n, 40n)));
    expect(core.balance(1, "PTS")).toMatchObject({ availableAtoms: 142n });
  });

  it("pays a plan once: a repeated plan id returns the first result and changes nothing", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "sub-1", "USDT", 1_000n));
    const first = expectAccepted(core.apply(cmd.payout("sub-1", "plan-1", 10n)));
    const hash = core.stateHash();
    expect(core.apply(cmd.payout("sub-1", "plan-1", 10n))).toEqual({ ...first, repeated: true });
    expect(core.stateHash()).toBe(hash);
    const last = expectAccepted(core.apply(cmd.payout("sub-1", "plan-2", 10n, 1_000n)));
    const closed = core.stateHash();
    // The last plan again, after the position closed: still its first result.
    expect(core.apply(cmd.payout("sub-1", "plan-2", 10n, 1_000n))).toEqual({
      ...last,
      repeated: true,
    });
    expect(core.stateHash()).toBe(closed);
  });
});

describe("savings.redeem", () => {
  it("returns the whole principal when nothing is deducted", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "sub-1", "USDT", 1_000n));
    core.apply(cmd.payout("sub-1", "plan-1", 7n));
    const event = change(core.apply(cmd.redeem("sub-1", false)));
    expect(event).toMatchObject({
      cause: "savings.redeem",
      business: "savings.redeem",
      businessId: "sub-1",
    });
    expect(event.postings).toEqual([system("savings", -1_000n, 0n), user(1, 1_000n, FUNDS + 7n)]);
    expect(core.savingsPositions()).toEqual([]);
  });

  it("forfeiting interest deducts exactly the interest paid, back into the interest account", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "sub-1", "USDT", 1_000n));
    core.apply(cmd.payout("sub-1", "plan-1", 7n));
    core.apply(cmd.payout("sub-1", "plan-2", 5n));
    const event = change(core.apply(cmd.redeem("sub-1", true)));
    expect(event.postings).toEqual([
      system("savings", -1_000n, 0n),
      user(1, 988n, FUNDS),
      system("savingsInterest", 12n, 0n),
    ]);
    // The user ends where they started; savings cost the exchange nothing.
    expect(core.balance(1, "USDT").availableAtoms).toBe(FUNDS);
    expect(core.systemBalance("USDT", "savingsInterest")).toBe(0n);
  });

  it("deducts a penalty, with forfeited interest on top", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "a", "USDT", 1_000n));
    core.apply(cmd.subscribe(1, "b", "USDT", 1_000n));
    core.apply(cmd.payout("b", "b-1", 3n));
    const a = change(core.apply(cmd.redeem("a", false, 25n)));
    expect(a.postings.map((p) => [p.account, p.amountAtoms])).toEqual([
      ["savings", -1_000n],
      ["available", 975n],
      ["savingsInterest", 25n],
    ]);
    const b = change(core.apply(cmd.redeem("b", true, 25n)));
    expect(b.postings.map((p) => [p.account, p.amountAtoms])).toEqual([
      ["savings", -1_000n],
      ["available", 972n],
      ["savingsInterest", 28n],
    ]);
  });

  it("never deducts more than the principal", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "a", "USDT", 1_000n));
    core.apply(cmd.subscribe(1, "b", "USDT", 1_000n));
    core.apply(cmd.payout("b", "b-1", 600n));
    const a = change(core.apply(cmd.redeem("a", false, 10n ** 30n)));
    expect(a.postings).toEqual([
      system("savings", -1_000n, 1_000n),
      system("savingsInterest", 1_000n, 400n),
    ]);
    const b = change(core.apply(cmd.redeem("b", true, 401n)));
    expect(b.postings.map((p) => [p.account, p.amountAtoms])).toEqual([
      ["savings", -1_000n],
      ["savingsInterest", 1_000n],
    ]);
    expect(core.balance(1, "USDT").availableAtoms).toBe(FUNDS - 2_000n + 600n);
  });

  it("rejects, changing nothing: unknown position, negative penalty, a forfeit that is no boolean", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "sub-1", "USDT", 1_000n));
    rejects(core, cmd.redeem("sub-x", false), RejectCode.SavingsPositionNotFound);
    rejects(core, cmd.redeem("sub-1", false, -1n), RejectCode.InvalidAmount);
    rejects(
      core,
      { ...cmd.redeem("sub-1", false), forfeitInterest: "yes" } as unknown as Command,
      RejectCode.InvalidCommand,
    );
  });

  it("redeeming twice returns the first result for the same key, 701 for another", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "sub-1", "USDT", 1_000n));
    const first = expectAccepted(core.apply(cmd.redeem("sub-1", false, 10n)));
    const hash = core.stateHash();
    expect(core.apply(cmd.redeem("sub-1", false, 10n))).toEqual({ ...first, repeated: true });
    expect(core.stateHash()).toBe(hash);
    rejects(
      core,
      { ...cmd.redeem("sub-1", false), businessId: "again" } as Command,
      RejectCode.SavingsPositionNotFound,
    );
  });
});

describe("the principal leaves the pool exactly once", () => {
  it("a payout after a redemption is rejected", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "sub-1", "USDT", 1_000n));
    change(core.apply(cmd.redeem("sub-1", false)));
    rejects(core, cmd.payout("sub-1", "plan-1", 5n), RejectCode.SavingsPositionNotFound);
    rejects(core, cmd.payout("sub-1", "plan-9", 0n, 1_000n), RejectCode.SavingsPositionNotFound);
    expect(core.systemBalance("USDT", "savings")).toBe(0n);
  });

  it("a redemption or another final payout after the final payout is rejected", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "sub-1", "USDT", 1_000n));
    change(core.apply(cmd.payout("sub-1", "plan-1", 5n, 1_000n)));
    rejects(core, cmd.redeem("sub-1", true), RejectCode.SavingsPositionNotFound);
    rejects(core, cmd.payout("sub-1", "plan-2", 0n, 1_000n), RejectCode.SavingsPositionNotFound);
    expect(core.systemBalance("USDT", "savings")).toBe(0n);
    expect(core.balance(1, "USDT").availableAtoms).toBe(FUNDS + 5n);
  });

  it("after a close, the subscription id may open a new position under a new key", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(1, "sub-1", "USDT", 1_000n));
    core.apply(cmd.redeem("sub-1", false));
    const reopened = { ...cmd.subscribe(2, "sub-1", "USDT", 5n), businessId: "sub-1/2" };
    change(core.apply(reopened as Command));
    expect(core.savingsPositions()).toMatchObject([{ userId: 2, principalAtoms: 5n }]);
  });
});

describe("savings positions", () => {
  it("are listed per user and for everyone, by subscription id", () => {
    const { core, cmd } = funded();
    core.apply(cmd.subscribe(2, "b", "USDT", 2n));
    core.apply(cmd.subscribe(1, "c", "BTC", 3n));
    core.apply(cmd.subscribe(1, "a", "USDT", 1n));
    expect(core.savingsPositions().map((p) => p.subscriptionId)).toEqual(["a", "b", "c"]);
    expect(core.savingsPositions(1).map((p) => p.subscriptionId)).toEqual(["a", "c"]);
    expect(core.systemBalance("BTC", "savings")).toBe(3n);
    expect(core.systemBalance("USDT", "savings")).toBe(3n);
  });
});
