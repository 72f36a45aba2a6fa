import { describe, expect, it } from "vitest";
import type { BalanceChangedEvent, CommandResult } from "../events";
import { createTestCore, PERP_SYMBOL } from "../test-kit";
import { AuditFailure, Auditor } from "./auditor";
import { runSimulation } from "./simulate";

/**
 * CI runs a shorter seeded simulation than the 1 M-operation script
 * (`npm run simulate -w @exchange/core -- --seed N --ops 1000000`); same code, same checks.
 */
const CI_OPS = 50_000;

describe("seeded simulation", () => {
  it.each([1, 2])(
    "seed %i: fast and naive books agree and every invariant holds",
    (seed) => {
      const report = runSimulation({ seed, ops: CI_OPS, checkpointEvery: 5_000 });
      expect(report.ops).toBe(CI_OPS);
      expect(report.restores).toBe(10);
      // The workload must actually trade and reject, or it proves little.
      expect(report.trades).toBeGreaterThan(CI_OPS / 10);
      expect(report.rejected).toBeGreaterThan(CI_OPS / 20);
      // Savings commands run, repeat their keys and meet each of their rejections.
      expect(report.savings.accepted).toBeGreaterThan(CI_OPS / 200);
      expect(report.savings.repeated).toBeGreaterThan(0);
      // Stop, OCO and amend traffic reaches every path: triggers, cascades, both amend kinds.
      const conditional = report.conditional;
      expect(conditional.stopsAccepted).toBeGreaterThan(CI_OPS / 100);
      expect(conditional.ocosAccepted).toBeGreaterThan(CI_OPS / 1_000);
      expect(conditional.triggered).toBeGreaterThan(CI_OPS / 200);
      expect(conditional.cascades).toBeGreaterThan(0);
      expect(conditional.amendsKept).toBeGreaterThan(CI_OPS / 1_000);
      expect(conditional.amendsReplaced).toBeGreaterThan(CI_OPS / 1_000);
      expect(conditional.ocoCancels).toBeGreaterThan(0);
      expect(Object.keys(conditional.rejected).map(Number)).toEqual(
        expect.arrayContaining([413, 414, 415]),
      );
      expect(Object.keys(report.savings.rejected).map(Number).sort()).toEqual(
        expect.arrayContaining([600, 601, 700, 701]),
      );
      // Loans open, close by repayment and are liquidated through the book after price gaps:
      // with a surplus returned and with a shortfall paid by insurance.
      const lending = report.lending;
      expect(lending.opened).toBeGreaterThan(CI_OPS / 500);
      expect(lending.closed).toBeGreaterThan(CI_OPS / 2_000);
      expect(lending.liquidated).toBeGreaterThan(5);
      expect(lending.fills).toBeGreaterThan(20);
      expect(lending.surpluses).toBeGreaterThan(0);
      expect(lending.shortfalls).toBeGreaterThan(0);
      expect(lending.repeated).toBeGreaterThan(0);
      expect(Object.keys(lending.rejected).map(Number)).toEqual(
        expect.arrayContaining([800, 803, 804, 806, 807, 808, 811]),
      );
      // The perpetual trades, settles funding, and gaps in its mark liquidate positions: through
      // the book and by auto-deleveraging; its commands meet their rejections.
      const perps = report.perps;
      expect(perps.accepted).toBeGreaterThan(CI_OPS / 40);
      expect(perps.fills).toBeGreaterThan(CI_OPS / 500);
      expect(perps.fundings).toBeGreaterThan(CI_OPS / 1_000);
      expect(perps.liquidated).toBeGreaterThan(3);
      expect(perps.throughBook).toBeGreaterThan(0);
      expect(perps.deleveraged).toBeGreaterThan(0);
      expect(perps.counterparties).toBeGreaterThan(0);
      expect(perps.repeated).toBeGreaterThan(0);
      // Stop and take-profit orders on the contract: placed, reduce-only ones protecting
      // positions, triggered, and waiting ones cancelled as their position closed.
      expect(perps.stopsAccepted).toBeGreaterThan(CI_OPS / 1_000);
      expect(perps.reduceOnlyStops).toBeGreaterThan(CI_OPS / 2_000);
      expect(perps.stopTriggers).toBeGreaterThan(CI_OPS / 5_000);
      expect(perps.positionClosedCancels).toBeGreaterThan(0);
      expect(Object.keys(perps.rejected).map(Number)).toEqual(
        expect.arrayContaining([203, 406, 600, 901, 903, 905]),
      );
    },
    120_000,
  );

  it("is deterministic, and snapshot / restore mid-run does not change the outcome", () => {
    const restored = runSimulation({ seed: 9, ops: 6_000, checkpointEvery: 1_000 });
    const straight = runSimulation({
      seed: 9,
      ops: 6_000,
      checkpointEvery: 1_000,
      noRestore: true,
    });
    expect(restored.restores).toBe(6);
    expect(straight.restores).toBe(0);
    expect(restored.finalHash).toBe(straight.finalHash);
    expect({ ...restored, restores: 0 }).toEqual(straight);
  }, 60_000);
});

describe("auditor", () => {
  function balanceEvent(postings: BalanceChangedEvent["postings"]): CommandResult {
    return {
      accepted: true,
      commandId: "x",
      repeated: false,
      events: [
        {
          type: "balance.changed",
          cause: "deposit",
          orderId: 0,
          tradeId: 0,
          business: "b",
          businessId: "i",
          postings,
        },
      ],
    };
  }

  it("fails postings that do not sum to zero", () => {
    const { core, cmd } = createTestCore();
    const result = balanceEvent([
      { account: "deposit", userId: 0, asset: "BTC", amountAtoms: -5n, balanceAtoms: -5n },
      { account: "available", userId: 1, asset: "BTC", amountAtoms: 6n, balanceAtoms: 6n },
    ]);
    expect(() => new Auditor().checkCommand(core, cmd.deposit(1, "BTC", 5n), result)).toThrow(
      AuditFailure,
    );
  });

  it("fails a balance that differs from the sum of its postings", () => {
    const { core, cmd } = createTestCore();
    const command = cmd.deposit(1, "BTC", 5n);
    const real = core.apply(command);
    const auditor = new Auditor();
    auditor.checkCommand(core, command, real);
    // Replaying the same postings claims balances the core does not have.
    expect(() => auditor.checkCommand(core, command, real)).toThrow(
      /reports -5, postings sum to -10/,
    );
  });

  it("fails a loan whose collateral account does not hold what the loans say", () => {
    const { core, cmd } = createTestCore();
    const auditor = new Auditor();
    const deposit = cmd.deposit(1, "BTC", 5n);
    auditor.checkCommand(core, deposit, core.apply(deposit));
    const bogus = balanceEvent([
      { account: "available", userId: 1, asset: "BTC", amountAtoms: -5n, balanceAtoms: 0n },
      { account: "loanCollateral", userId: 0, asset: "BTC", amountAtoms: 5n, balanceAtoms: 5n },
    ]);
    expect(() => auditor.checkCommand(core, deposit, bogus)).toThrow(
      /deposit posted to the loanCollateral account/,
    );
  });

  it("fails an insurance fund moved by other than liquidation, funding or a transfer", () => {
    const { core, cmd } = createTestCore();
    const auditor = new Auditor();
    const listing = cmd.addContract();
    auditor.checkCommand(core, listing, core.apply(listing));
    const bogus = balanceEvent([
      { account: "insurance", userId: 0, asset: "USDT", amountAtoms: -5n, balanceAtoms: -5n },
      { account: "futuresMargin", userId: 0, asset: "USDT", amountAtoms: 5n, balanceAtoms: 5n },
    ]);
    expect(() => auditor.checkCommand(core, cmd.deposit(1, "USDT", 5n), bogus)).toThrow(
      /deposit \(trade 0\) moved the insurance fund/,
    );
  });

  it("holds a resting perpetual order to its position's order margin, not to a frozen balance", () => {
    const { core, cmd } = createTestCore();
    const auditor = new Auditor();
    const run = (command: ReturnType<typeof cmd.deposit>) =>
      auditor.checkCommand(core, command, core.apply(command));
    run(cmd.addContract());
    run(cmd.deposit(1, "USDT", 1_000_000_000n));
    run(cmd.futuresTransfer(1, "toFutures", 500_000_000n));
    run(cmd.limit(1, "buy", 500_000n, 10n, { symbol: PERP_SYMBOL }));
    const [order] = core.openOrders(1);
    // 10 lots at 50 000 (500 USDT) at 20×: 25 USDT of margin and the 0.05 % taker fee.
    expect(order?.frozenAtoms).toBe(25_250_000n);
    expect(core.position(1, PERP_SYMBOL)?.orderMarginAtoms).toBe(25_250_000n);
    expect(core.balance(1, "USDT").frozenAtoms).toBe(0n);
    expect(() => auditor.auditAll(core)).not.toThrow();
  });

  it("fails frozen funds that no order or withdrawal holds", () => {
    const { core, cmd } = createTestCore();
    const auditor = new Auditor();
    const command = cmd.deposit(1, "BTC", 5n);
    auditor.checkCommand(core, command, core.apply(command));
    const bogus = balanceEvent([
      { account: "available", userId: 1, asset: "BTC", amountAtoms: -5n, balanceAtoms: 0n },
      { account: "frozen", userId: 1, asset: "BTC", amountAtoms: 5n, balanceAtoms: 5n },
    ]);
    expect(() => auditor.checkCommand(core, command, bogus)).toThrow(AuditFailure);
  });
});
