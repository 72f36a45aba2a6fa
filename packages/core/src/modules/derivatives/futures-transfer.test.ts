import { describe, expect, it } from "vitest";
import type { Command } from "../../commands";
import type { ExchangeCore } from "../../exchange-core";
import { RejectCode } from "../../reject-code";
import { restoreState } from "../../snapshot";
import {
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
} from "../../test-kit";

const USDT = 1_000_000n;
/** What fundUsers gives each user. */
const FUNDS_USDT = 100_000_000_000_000n;

function rejects(core: ExchangeCore, command: Command, code: RejectCode): void {
  const before = core.stateHash();
  const result = expectRejected(core.apply(command));
  expect(result.code, result.message).toBe(code);
  expect(core.stateHash()).toBe(before);
}

function funded() {
  const env = createTestCore();
  fundUsers(env.core, env.cmd, [1, 2]);
  return env;
}

describe("futures.transfer", () => {
  it("moves 1 000 USDT from spot available into the futures wallet, held in futuresMargin", () => {
    const { core, cmd } = funded();
    const result = expectAccepted(core.apply(cmd.futuresTransfer(1, "toFutures", 1_000n * USDT)));
    const [change] = eventsOf(result, "balance.changed");
    expect(change?.cause).toBe("futures.transfer");
    expect(change?.postings.map((p) => [p.account, p.userId, p.amountAtoms])).toEqual([
      ["available", 1, -1_000n * USDT],
      ["futuresMargin", 0, 1_000n * USDT],
    ]);
    expect(eventsOf(result, "futures.walletChanged")).toEqual([
      {
        type: "futures.walletChanged",
        userId: 1,
        asset: "USDT",
        walletAtoms: 1_000n * USDT,
        cause: "futures.transfer",
      },
    ]);
    expect(core.futuresWallet(1, "USDT")).toBe(1_000n * USDT);
    expect(core.balance(1, "USDT").availableAtoms).toBe(FUNDS_USDT - 1_000n * USDT);
    expect(core.systemBalance("USDT", "futuresMargin")).toBe(1_000n * USDT);
  });

  it("moves 400 of 1 000 USDT back to spot, and refuses 601 more than the wallet holds", () => {
    const { core, cmd } = funded();
    expectAccepted(core.apply(cmd.futuresTransfer(1, "toFutures", 1_000n * USDT)));
    expectAccepted(core.apply(cmd.futuresTransfer(1, "toSpot", 400n * USDT)));
    expect(core.futuresWallet(1, "USDT")).toBe(600n * USDT);
    expect(core.balance(1, "USDT").availableAtoms).toBe(FUNDS_USDT - 600n * USDT);
    rejects(core, cmd.futuresTransfer(1, "toSpot", 601n * USDT), RejectCode.InsufficientBalance);
    rejects(core, cmd.futuresTransfer(2, "toSpot", 1n), RejectCode.InsufficientBalance);
  });

  it("answers a repeated transfer id with the first result and moves nothing twice", () => {
    const { core, cmd } = funded();
    const first = expectAccepted(core.apply(cmd.futuresTransfer(1, "toFutures", 5n * USDT, "t-1")));
    const again = expectAccepted(core.apply(cmd.futuresTransfer(1, "toFutures", 5n * USDT, "t-1")));
    expect(again.repeated).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(core.futuresWallet(1, "USDT")).toBe(5n * USDT);
  });

  it("refuses more than spot holds, a zero amount, an unknown asset and a bad direction, changing nothing", () => {
    const { core, cmd } = funded();
    rejects(
      core,
      cmd.futuresTransfer(1, "toFutures", FUNDS_USDT + 1n),
      RejectCode.InsufficientBalance,
    );
    rejects(core, cmd.futuresTransfer(1, "toFutures", 0n), RejectCode.InvalidAmount);
    rejects(
      core,
      { ...cmd.futuresTransfer(1, "toFutures", 1n), asset: "DOGE" } as Command,
      RejectCode.UnknownAsset,
    );
    rejects(
      core,
      { ...cmd.futuresTransfer(1, "toFutures", 1n), direction: "sideways" } as unknown as Command,
      RejectCode.InvalidCommand,
    );
    rejects(core, cmd.futuresTransfer(0, "toFutures", 1n), RejectCode.InvalidCommand);
  });

  it("keeps wallets and receipts through a snapshot", () => {
    const { core, cmd } = funded();
    expectAccepted(core.apply(cmd.futuresTransfer(1, "toFutures", 7n * USDT, "t-7")));
    expectAccepted(core.apply(cmd.futuresTransfer(2, "toFutures", 3n * USDT)));
    const restored = restoreState(core.snapshot(), "fast");
    const usdt = restored.assets.get("USDT");
    if (usdt === undefined) throw new Error("USDT not restored");
    expect(restored.futuresAccounts.get(1)?.walletOf(usdt)).toBe(7n * USDT);
    expect(restored.derivativesReceipts.size).toBe(2);
    expect(restored.assets.get("USDT")?.system.futuresMargin).toBe(10n * USDT);
  });
});
