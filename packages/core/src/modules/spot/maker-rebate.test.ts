import fc from "fast-check";
import { describe, expect, it } from "vitest";
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

/** The test market's maker rate (BTCUSDT in test-kit.ts): 0.1 %. */
const MAKER_PPM = 1_000n;

function withRebateTier(makerScalePpm: number): { core: ExchangeCore; cmd: TestCommands } {
  const env = createTestCore();
  fundUsers(env.core, env.cmd, [1, 2]);
  expectAccepted(
    env.core.apply(
      env.cmd.make({ type: "feeTier.set", tier: 5, makerScalePpm, takerScalePpm: 1_000_000 }),
    ),
  );
  expectAccepted(env.core.apply(env.cmd.make({ type: "feeTier.assign", userId: 2, tier: 5 })));
  return env;
}

/** User 2 rests a sell, user 1 takes it: user 2 is the maker and receives the quote. */
function makerSells(core: ExchangeCore, cmd: TestCommands, priceTicks: bigint, lots: bigint) {
  core.apply(cmd.limit(2, "sell", priceTicks, lots));
  return eventsOf(core.apply(cmd.limit(1, "buy", priceTicks, lots)), "trade")[0];
}

describe("maker rebates", () => {
  it("pays the maker a share of the market maker rate out of the fee account", () => {
    const { core, cmd } = withRebateTier(-500_000);
    const before = core.balance(2, "USDT").availableAtoms;
    const feeBefore = core.systemBalance("USDT", "fee");
    // 10 lots at 1 000 ticks: 10 000 quote atoms; 0.1 % × −50 % = a rebate of 5 atoms.
    const trade = makerSells(core, cmd, 1_000n, 10n);
    expect(trade?.makerFeeAtoms).toBe(-5n);
    expect(core.balance(2, "USDT").availableAtoms - before).toBe(10_005n);
    expect(core.systemBalance("USDT", "fee") - feeBefore).toBe(-5n);
  });

  it("rounds a rebate down: a fraction of an atom is not paid", () => {
    const { core, cmd } = withRebateTier(-100_000);
    // 10 000 quote atoms × 0.1 % × 10 % = 1 atom exactly; 9 990 atoms would earn 0.999.
    expect(makerSells(core, cmd, 999n, 10n)?.makerFeeAtoms).toBe(0n);
    expect(makerSells(core, cmd, 1_000n, 10n)?.makerFeeAtoms).toBe(-1n);
  });

  it("refuses a maker scale beyond the whole market rate, and any negative taker scale", () => {
    const { core, cmd } = createTestCore();
    for (const [makerScalePpm, takerScalePpm] of [
      [-1_000_001, 0],
      [0, -1],
    ] as const) {
      const refused = core.apply(
        cmd.make({ type: "feeTier.set", tier: 1, makerScalePpm, takerScalePpm }),
      );
      expect(expectRejected(refused).code).toBe(RejectCode.InvalidFeeTier);
    }
  });

  it("never creates money: every fill's postings sum to zero, the rebate is the floor", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 0 }),
        fc.bigInt({ min: 100n, max: 5_000n }),
        fc.bigInt({ min: 1n, max: 50n }),
        (scale, priceTicks, lots) => {
          const { core, cmd } = withRebateTier(scale);
          core.apply(cmd.limit(2, "sell", priceTicks, lots));
          const result = expectAccepted(core.apply(cmd.limit(1, "buy", priceTicks, lots)));
          const trade = eventsOf(result, "trade")[0];
          const quote = priceTicks * lots;
          const exactRebate = (quote * MAKER_PPM * BigInt(-scale)) / 1_000_000_000_000n;
          expect(trade?.makerFeeAtoms).toBe(0n - exactRebate);
          for (const change of eventsOf(result, "balance.changed")) {
            const sums = new Map<string, bigint>();
            for (const p of change.postings) {
              sums.set(p.asset, (sums.get(p.asset) ?? 0n) + p.amountAtoms);
            }
            for (const sum of sums.values()) expect(sum).toBe(0n);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
