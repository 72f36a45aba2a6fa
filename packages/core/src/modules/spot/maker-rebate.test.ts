import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExchangeCore } from "../../exchange-core";
import { RejectCode } from "../../reject-code";
import {
  BTC_PER_LOT,
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
  type TestCommands,
} from "../../test-kit";

/** The test market's rates (BTCUSDT in test-kit.ts): maker 0.1 %, taker 0.2 %. */
const MAKER_PPM = 1_000n;
const TAKER_PPM = 2_000n;
const RATE_DENOMINATOR = 1_000_000_000_000n;

/** User 2 (the maker) in a tier of `makerScalePpm`; user 1 (the taker) in one of `takerScalePpm`. */
function withTiers(makerScalePpm: number, takerScalePpm = 1_000_000) {
  const env = createTestCore();
  fundUsers(env.core, env.cmd, [1, 2]);
  for (const [tier, userId, maker, taker] of [
    [5, 2, makerScalePpm, 1_000_000],
    [6, 1, 1_000_000, takerScalePpm],
  ] as const) {
    const set = { type: "feeTier.set", tier, makerScalePpm: maker, takerScalePpm: taker } as const;
    expectAccepted(env.core.apply(env.cmd.make(set)));
    expectAccepted(env.core.apply(env.cmd.make({ type: "feeTier.assign", userId, tier })));
  }
  return env;
}

/** User 2 rests an order, user 1 takes it: user 2 is the maker. */
function fill(
  core: ExchangeCore,
  cmd: TestCommands,
  makerSide: "buy" | "sell",
  priceTicks: bigint,
  lots: bigint,
) {
  core.apply(cmd.limit(2, makerSide, priceTicks, lots));
  const takerSide = makerSide === "sell" ? "buy" : "sell";
  return expectAccepted(core.apply(cmd.limit(1, takerSide, priceTicks, lots)));
}

describe("maker rebates", () => {
  it("pays the maker in the asset the taker's fee was charged in, out of that fee", () => {
    const { core, cmd } = withTiers(-500_000);
    const makerUsdt = core.balance(2, "USDT").availableAtoms;
    const makerBtc = core.balance(2, "BTC").availableAtoms;
    const feeBtc = core.systemBalance("BTC", "fee");
    // The maker sells 10 lots (100 000 BTC atoms) at 1 000 ticks (10 000 USDT atoms). The taker
    // receives the BTC and pays 0.2 % of it: 200 atoms. The maker's 0.1 % × −50 % is 50 of them.
    const trade = eventsOf(fill(core, cmd, "sell", 1_000n, 10n), "trade")[0];
    expect(trade?.makerFeeAtoms).toBe(-50n);
    expect(trade?.makerFeeAsset).toBe("BTC");
    expect(trade?.takerFeeAtoms).toBe(200n);
    expect(core.balance(2, "USDT").availableAtoms - makerUsdt).toBe(10_000n);
    // It gave the 100 000 BTC atoms it had set aside, and got 50 back.
    expect(core.balance(2, "BTC").availableAtoms - makerBtc).toBe(-100_000n + 50n);
    expect(core.systemBalance("BTC", "fee") - feeBtc).toBe(150n);
  });

  it("rounds a rebate down: a fraction of an atom is not paid", () => {
    const { core, cmd } = withTiers(-150_000);
    // One lot: 10 000 BTC atoms × 0.1 % × 15 % = 1.5 atoms, paid as 1.
    expect(eventsOf(fill(core, cmd, "sell", 1_000n, 1n), "trade")[0]?.makerFeeAtoms).toBe(-1n);
  });

  it("never pays more than the taker's fee on the fill: a taker who pays nothing funds no rebate", () => {
    const free = withTiers(-1_000_000, 0);
    const trade = eventsOf(fill(free.core, free.cmd, "buy", 1_000n, 10n), "trade")[0];
    expect(trade?.takerFeeAtoms).toBe(0n);
    expect(trade?.makerFeeAtoms).toBe(0n);
    // Taker at a quarter of 0.2 % (0.05 %), maker owed 0.1 %: paid the 0.05 % the taker paid.
    const cheap = withTiers(-1_000_000, 250_000);
    const capped = eventsOf(fill(cheap.core, cheap.cmd, "buy", 1_000n, 10n), "trade")[0];
    expect(capped?.takerFeeAtoms).toBe(5n);
    expect(capped?.makerFeeAtoms).toBe(-5n);
    expect(capped?.makerFeeAsset).toBe("USDT");
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

  it("never creates money and never takes a fee account below where the fill found it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 0 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom("buy" as const, "sell" as const),
        fc.bigInt({ min: 100n, max: 5_000n }),
        fc.bigInt({ min: 1n, max: 50n }),
        (makerScale, takerScale, makerSide, priceTicks, lots) => {
          const { core, cmd } = withTiers(makerScale, takerScale);
          const result = fill(core, cmd, makerSide, priceTicks, lots);
          const trade = eventsOf(result, "trade")[0];
          const takerReceived = makerSide === "sell" ? lots * BTC_PER_LOT : priceTicks * lots;
          const owed = (takerReceived * MAKER_PPM * BigInt(-makerScale)) / RATE_DENOMINATOR;
          const takerExact = (takerReceived * TAKER_PPM * BigInt(takerScale)) / RATE_DENOMINATOR;
          const rebate = owed < takerExact ? owed : takerExact;
          expect(trade?.makerFeeAtoms).toBe(0n - rebate);
          if (rebate > 0n) expect(trade?.makerFeeAsset).toBe(trade?.takerFeeAsset);
          for (const change of eventsOf(result, "balance.changed")) {
            const sums = new Map<string, bigint>();
            const fees = new Map<string, bigint>();
            for (const p of change.postings) {
              sums.set(p.asset, (sums.get(p.asset) ?? 0n) + p.amountAtoms);
              if (p.account === "fee") fees.set(p.asset, (fees.get(p.asset) ?? 0n) + p.amountAtoms);
            }
            for (const sum of sums.values()) expect(sum).toBe(0n);
            for (const fee of fees.values()) expect(fee >= 0n).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
