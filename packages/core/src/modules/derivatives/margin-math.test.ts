import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvariantError } from "../../assert";
import {
  bankruptcyPriceTicks,
  initialMarginAtoms,
  isBelowMaintenance,
  liquidationPriceTicks,
  MARGIN_RATIO_NO_MARGIN_PPM,
  type MarginedPosition,
  maintenanceAtoms,
  maintenanceInTierAtoms,
  marginBalanceAtoms,
  marginRatioPpm,
  notionalAtoms,
  type PreparedRiskTier,
  prepareRiskTiers,
  type RiskTier,
  realisedPnlAtoms,
  reduceCost,
  riskTiersProblem,
  tierOf,
  unrealisedPnlAtoms,
} from "./margin-math";

/**
 * BTCUSDT-PERP as the design brief sets it up: USDT has 6 decimals, a lot is 0.001 BTC and a
 * tick 0.1 USDT, so k = 100 000 × 100 000 / 10^8 = 100 atoms per tick per lot.
 */
const USDT = 1_000_000n;
const K = 100n;
const BTC_LOTS = 1_000n;
/** A price in whole USDT as ticks of 0.1. */
const usdt = (whole: bigint) => whole * 10n;

/** One tier of 0.5 % maintenance, up to 1 000 000 USDT. */
const FLAT = prepareRiskTiers([
  { maxNotionalAtoms: 1_000_000n * USDT, maintenanceMarginPpm: 5_000n, maxLeverage: 100 },
]);

/** Binance's first BTCUSDT tiers: 0.4 % to 50 000, 0.5 % to 600 000, 0.65 % to 3 000 000. */
const BINANCE: RiskTier[] = [
  { maxNotionalAtoms: 50_000n * USDT, maintenanceMarginPpm: 4_000n, maxLeverage: 125 },
  { maxNotionalAtoms: 600_000n * USDT, maintenanceMarginPpm: 5_000n, maxLeverage: 100 },
  { maxNotionalAtoms: 3_000_000n * USDT, maintenanceMarginPpm: 6_500n, maxLeverage: 75 },
];
const TIERS = prepareRiskTiers(BINANCE);

const long1Btc = { qtyLots: BTC_LOTS, costAtoms: 50_000n * USDT, marginAtoms: 5_000n * USDT, k: K };
const short1Btc = { ...long1Btc, qtyLots: -BTC_LOTS, costAtoms: -50_000n * USDT };

describe("the worked example: 1 BTC at 50 000 USDT, 10× (5 000 USDT margin), 0.5 % maintenance", () => {
  it("a 10× long of 1 BTC at 50 000 USDT with 5 000 USDT margin and 0.5 % maintenance is liquidated at 45 226.1", () => {
    // Balance at M = 5 000 − 50 000 + N, maintenance ⌈0.005 N⌉; equal at 0.995 N = 45 000,
    // N = 45 226.130… USDT, M = 45 226.13… → the tick 45 226.1 (balance 226.1, maintenance
    // 226.1305: liquidated); at 45 226.2 the balance 226.2 > 226.131.
    const tiers = FLAT;
    expect(liquidationPriceTicks({ ...long1Btc, tiers })).toBe(452_261n);
    expect(isBelowMaintenance({ ...long1Btc, tiers, markTicks: 452_261n })).toBe(true);
    expect(isBelowMaintenance({ ...long1Btc, tiers, markTicks: 452_262n })).toBe(false);
  });

  it("the mirrored short is liquidated at 54 726.4", () => {
    // Balance 55 000 − N, maintenance ⌈0.005 N⌉: 1.005 N = 55 000, N = 54 726.368… → up to
    // the tick 54 726.4 (balance 273.6 ≤ 273.632); at 54 726.3 the balance 273.7 > 273.6315.
    const tiers = FLAT;
    expect(liquidationPriceTicks({ ...short1Btc, tiers })).toBe(547_264n);
    expect(isBelowMaintenance({ ...short1Btc, tiers, markTicks: 547_264n })).toBe(true);
    expect(isBelowMaintenance({ ...short1Btc, tiers, markTicks: 547_263n })).toBe(false);
  });

  it("the long is bankrupt at 45 000 and the short at 55 000, where the 5 000 margin is gone", () => {
    expect(bankruptcyPriceTicks(long1Btc)).toBe(usdt(45_000n));
    expect(bankruptcyPriceTicks(short1Btc)).toBe(usdt(55_000n));
    expect(marginBalanceAtoms({ ...long1Btc, markTicks: usdt(45_000n) })).toBe(0n);
    expect(marginBalanceAtoms({ ...short1Btc, markTicks: usdt(55_000n) })).toBe(0n);
  });

  it("needs 5 000 USDT of initial margin at 10×, 400 at 125×", () => {
    const notional = notionalAtoms(usdt(50_000n), BTC_LOTS, K);
    expect(notional).toBe(50_000n * USDT);
    expect(notionalAtoms(usdt(50_000n), -BTC_LOTS, K)).toBe(notional);
    expect(initialMarginAtoms(notional, 10)).toBe(5_000n * USDT);
    expect(initialMarginAtoms(notional, 125)).toBe(400n * USDT);
  });

  it("shows a margin ratio of 5 % at the entry, just over 100 % at the liquidation price", () => {
    const ratioAt = (markTicks: bigint) =>
      marginRatioPpm({
        maintenanceAtoms: maintenanceAtoms(FLAT, notionalAtoms(markTicks, BTC_LOTS, K)),
        marginBalanceAtoms: marginBalanceAtoms({ ...long1Btc, markTicks }),
      });
    expect(ratioAt(usdt(50_000n))).toBe(50_000n); // 250 / 5 000
    // 226.1305 / 226.1 = 1.000134… → rounded up to 1 000 135 ppm
    expect(ratioAt(452_261n)).toBe(1_000_135n);
    expect(ratioAt(usdt(45_000n))).toBe(MARGIN_RATIO_NO_MARGIN_PPM);
  });
});

describe("positions that cannot be liquidated", () => {
  it("a 1× long (margin = its whole cost) has no liquidation or bankruptcy price", () => {
    const unlevered = { ...long1Btc, marginAtoms: 50_000n * USDT, tiers: FLAT };
    expect(liquidationPriceTicks(unlevered)).toBe(0n);
    expect(bankruptcyPriceTicks(unlevered)).toBe(0n);
    expect(isBelowMaintenance({ ...unlevered, markTicks: 1n })).toBe(false);
  });

  it("a flat position has neither price and is never below maintenance", () => {
    const flat = { qtyLots: 0n, costAtoms: 0n, marginAtoms: 0n, k: K, tiers: FLAT };
    expect(liquidationPriceTicks(flat)).toBe(0n);
    expect(bankruptcyPriceTicks(flat)).toBe(0n);
    expect(isBelowMaintenance({ ...flat, markTicks: 1n })).toBe(false);
  });

  it("a 1× short still has one: at 99 502.5 its 100 000 of margin and proceeds are used up", () => {
    // Balance 100 000 − N ≤ ⌈0.005 N⌉ from N = 100 000 / 1.005 = 99 502.487… → tick 99 502.5.
    const short = { ...short1Btc, marginAtoms: 50_000n * USDT, tiers: FLAT };
    expect(liquidationPriceTicks(short)).toBe(995_025n);
  });

  it("a cross short under water at any price shows 1 tick (0 would read as never)", () => {
    // 60 000 of losses elsewhere: balance −60 000 + 50 000 − N, negative at every price.
    const drowned = { ...short1Btc, marginAtoms: -60_000n * USDT, tiers: FLAT };
    expect(liquidationPriceTicks(drowned)).toBe(1n);
    expect(isBelowMaintenance({ ...drowned, markTicks: 1n })).toBe(true);
  });
});

describe("risk tiers", () => {
  it("carry Binance's maintenance amounts: 0, 50 and 950 USDT", () => {
    // cum_1 = 50 000 × (0.5 % − 0.4 %) = 50; cum_2 = 50 + 600 000 × (0.65 % − 0.5 %) = 950.
    expect(TIERS.map((tier) => tier.cumAtoms)).toEqual([0n, 50n * USDT, 950n * USDT]);
  });

  it("include their bound: 50 000 USDT is in the 0.4 % tier, one atom more in the 0.5 % one", () => {
    expect(tierOf(TIERS, 0n)).toBe(TIERS[0]);
    expect(tierOf(TIERS, 50_000n * USDT)).toBe(TIERS[0]);
    expect(tierOf(TIERS, 50_000n * USDT + 1n)).toBe(TIERS[1]);
    expect(tierOf(TIERS, 3_000_000n * USDT)).toBe(TIERS[2]);
    // Past the cap (a short whose notional grew) the last tier goes on.
    expect(tierOf(TIERS, 9_000_000n * USDT)).toBe(TIERS[2]);
  });

  it("keep maintenance continuous across a bound: 200 USDT at 50 000 by either tier's formula", () => {
    const bound = 50_000n * USDT;
    const [first, second] = TIERS as [PreparedRiskTier, PreparedRiskTier];
    expect(maintenanceInTierAtoms(first, bound)).toBe(200n * USDT); // 0.4 % × 50 000
    expect(maintenanceInTierAtoms(second, bound)).toBe(200n * USDT); // 0.5 % × 50 000 − 50
    // One atom over: ⌈250 000 000.005⌉ − 50 000 000, one atom more, no jump.
    expect(maintenanceAtoms(TIERS, bound + 1n)).toBe(200n * USDT + 1n);
    // And at 600 000: 0.5 % × 600 000 − 50 = 2 950 = 0.65 % × 600 000 − 950.
    expect(maintenanceAtoms(TIERS, 600_000n * USDT)).toBe(2_950n * USDT);
    expect(maintenanceInTierAtoms(TIERS[2] as PreparedRiskTier, 600_000n * USDT)).toBe(
      2_950n * USDT,
    );
  });

  it("round maintenance up, to the atom (liquidation no later than the line)", () => {
    expect(maintenanceAtoms(TIERS, 1n)).toBe(1n); // 0.004 atom → 1
    expect(maintenanceAtoms(TIERS, 250n)).toBe(1n); // exactly 1
    expect(maintenanceAtoms(TIERS, 251n)).toBe(2n);
    expect(initialMarginAtoms(10_001n, 10)).toBe(1_001n); // 1 000.1 → 1 001
  });

  it("choose the tier of the notional at the liquidation price: a 10× short of 1 BTC at 49 000 is liquidated at 53 681.6, in the 0.5 % tier", () => {
    // Balance 4 900 + 49 000 − N. Its notional at liquidation is past 50 000, so the 0.5 % tier:
    // 53 900 − N = 0.005 N − 50 → N = 53 950 / 1.005 = 53 681.59… → tick 53 681.6. The 0.4 %
    // tier's formula would have said 53 900 / 1.004 = 53 685.26 → 53 685.3, too late.
    const short = {
      qtyLots: -BTC_LOTS,
      costAtoms: -49_000n * USDT,
      marginAtoms: 4_900n * USDT,
      k: K,
      tiers: TIERS,
    };
    expect(liquidationPriceTicks(short)).toBe(536_816n);
    expect(isBelowMaintenance({ ...short, markTicks: 536_816n })).toBe(true);
    expect(isBelowMaintenance({ ...short, markTicks: 536_815n })).toBe(false);
  });

  it("a 20× long of 12 BTC at 50 000 (600 000 notional, 30 000 margin) is liquidated at 47 734.5 in the 0.5 % tier", () => {
    // Balance 30 000 − 600 000 + N, in the 0.5 % tier (cum 50) since N stays above 50 000:
    // N − 570 000 = 0.005 N − 50 → N = 569 950 / 0.995 = 572 814.07… → M = N / 12 =
    // 47 734.50… → tick 47 734.5 (balance 2 814 ≤ 2 814.07); at 47 734.6, 2 815.2 > 2 814.076.
    const long = {
      qtyLots: 12n * BTC_LOTS,
      costAtoms: 600_000n * USDT,
      marginAtoms: 30_000n * USDT,
      k: K,
      tiers: TIERS,
    };
    expect(liquidationPriceTicks(long)).toBe(477_345n);
    expect(isBelowMaintenance({ ...long, markTicks: 477_345n })).toBe(true);
    expect(isBelowMaintenance({ ...long, markTicks: 477_346n })).toBe(false);
  });

  it("use a tier's formula only from its bound up: with cum rounded down it reads an atom high below it", () => {
    // Tiers 0 % to 15 atoms, then 10 % (cum ⌊15 × 0.1⌋ = 1). At N = 15 (first tier) maintenance
    // is 0, but the second tier's formula would say ⌈1.5⌉ − 1 = 1; at 16 it is ⌈1.6⌉ − 1 = 1.
    const tiny = prepareRiskTiers([
      { maxNotionalAtoms: 15n, maintenanceMarginPpm: 0n, maxLeverage: 125 },
      { maxNotionalAtoms: 1_000n, maintenanceMarginPpm: 100_000n, maxLeverage: 9 },
    ]);
    // A long of 1 lot (k = 1) from 20 with 6 of margin: balance M − 14. At 15 it is 1 > 0,
    // at 16 it is 2 > 1, at 14 it is 0 ≤ 0: liquidated from 14 down, not at 15.
    const long = { qtyLots: 1n, costAtoms: 20n, marginAtoms: 6n, k: 1n, tiers: tiny };
    expect(liquidationPriceTicks(long)).toBe(14n);
    expect(isBelowMaintenance({ ...long, markTicks: 15n })).toBe(false);
    // A short of 1 lot from 10 with 2 of margin: balance 12 − M. At 11 it is 1 > 0 (the second
    // tier's formula would say 1 ≤ 1); at 12 it is 0 ≤ 0: liquidated from 12 up, not at 11.
    const short = { qtyLots: -1n, costAtoms: -10n, marginAtoms: 2n, k: 1n, tiers: tiny };
    expect(liquidationPriceTicks(short)).toBe(12n);
    expect(isBelowMaintenance({ ...short, markTicks: 11n })).toBe(false);
  });

  it("are refused when out of order, and the engine stops if it is handed such a schedule", () => {
    const [a, b] = BINANCE as [RiskTier, RiskTier];
    expect(riskTiersProblem(BINANCE)).toBeNull();
    expect(riskTiersProblem([])).toBe("no risk tiers");
    expect(riskTiersProblem([b, a])).toMatch(/tier 1: bounds must ascend/);
    expect(riskTiersProblem([a, { ...b, maintenanceMarginPpm: 3_000n }])).toMatch(
      /must not decrease/,
    );
    expect(riskTiersProblem([a, { ...b, maxLeverage: 150 }])).toMatch(/must not increase/);
    expect(riskTiersProblem([{ ...a, maxLeverage: 0 }])).toMatch(/whole number/);
    expect(riskTiersProblem([{ ...a, maxLeverage: 2.5 }])).toMatch(/whole number/);
    expect(riskTiersProblem([{ ...a, maxNotionalAtoms: 0n }])).toMatch(/positive/);
    expect(riskTiersProblem([{ ...a, maintenanceMarginPpm: 1_000_000n, maxLeverage: 1 }])).toMatch(
      /\[0, 100 %\)/,
    );
    // 1 % maintenance at 100× would be liquidated the moment it opened.
    expect(riskTiersProblem([{ ...a, maintenanceMarginPpm: 10_000n, maxLeverage: 100 }])).toMatch(
      /initial margin rate/,
    );
    expect(riskTiersProblem([{ ...a, maintenanceMarginPpm: 7_999n, maxLeverage: 125 }])).toBeNull();
    expect(() => prepareRiskTiers([b, a])).toThrow(InvariantError);
  });
});

describe("unrealised and realised PnL", () => {
  it("a long of 1 BTC from 50 000 gains 1 000 USDT at 51 000, the short loses as much", () => {
    expect(unrealisedPnlAtoms(usdt(51_000n), BTC_LOTS, 50_000n * USDT, K)).toBe(1_000n * USDT);
    expect(unrealisedPnlAtoms(usdt(51_000n), -BTC_LOTS, -50_000n * USDT, K)).toBe(-1_000n * USDT);
    expect(unrealisedPnlAtoms(usdt(49_000n), -BTC_LOTS, -50_000n * USDT, K)).toBe(1_000n * USDT);
  });

  it("selling half of 1 BTC bought at 50 000 at 52 000 realises 1 000 USDT", () => {
    const reduction = { qtyLots: BTC_LOTS, costAtoms: 50_000n * USDT, reduceLots: 500n, k: K };
    expect(reduceCost(BTC_LOTS, 50_000n * USDT, 500n)).toEqual({
      removedCostAtoms: 25_000n * USDT,
      remainingCostAtoms: 25_000n * USDT,
    });
    expect(realisedPnlAtoms({ ...reduction, priceTicks: usdt(52_000n) })).toBe(1_000n * USDT);
    // The short of the same size, bought back at 52 000, loses as much.
    const short = { ...reduction, qtyLots: -BTC_LOTS, costAtoms: -50_000n * USDT };
    expect(realisedPnlAtoms({ ...short, priceTicks: usdt(52_000n) })).toBe(-1_000n * USDT);
  });

  it("a third of a cost of 100 atoms leaves a long as 34 (up) and a short as 33 (down): the smaller PnL now", () => {
    // Long of 3 lots, cost 100: removed ⌈33.3⌉ = 34, realised at 40 ticks = 40 × 1 − 34 = 6
    // (exactly 6.67). Short of 3, cost −100: removed −33, realised −40 + 33 = −7 (exactly −6.67).
    expect(reduceCost(3n, 100n, 1n)).toEqual({ removedCostAtoms: 34n, remainingCostAtoms: 66n });
    expect(reduceCost(-3n, -100n, 1n)).toEqual({
      removedCostAtoms: -33n,
      remainingCostAtoms: -67n,
    });
    const at40 = { reduceLots: 1n, priceTicks: 40n, k: 1n };
    expect(realisedPnlAtoms({ ...at40, qtyLots: 3n, costAtoms: 100n })).toBe(6n);
    expect(realisedPnlAtoms({ ...at40, qtyLots: -3n, costAtoms: -100n })).toBe(-7n);
    // Closing the rest takes the residue: 34 + 33 + 33 = 100.
    expect(reduceCost(2n, 66n, 1n).removedCostAtoms).toBe(33n);
    expect(reduceCost(1n, 33n, 1n).removedCostAtoms).toBe(33n);
  });

  it("refuses a reduction larger than the position, of nothing, or a cost of the wrong sign", () => {
    expect(() => reduceCost(3n, 100n, 4n)).toThrow(InvariantError);
    expect(() => reduceCost(3n, 100n, 0n)).toThrow(InvariantError);
    expect(() => reduceCost(-3n, 100n, 1n)).toThrow(InvariantError);
  });
});

/**
 * Tier schedules that pass the checks: bounds ascending (by steps of 1..stepMax units), rates
 * up, leverage down, mmr × L < 10^6.
 */
const arbitraryTiers = ({ unit, stepMax, mmrStepMax }: TierScale) =>
  fc
    .array(
      fc.record({
        step: fc.bigInt({ min: 1n, max: stepMax }),
        mmrStep: fc.bigInt({ min: 0n, max: mmrStepMax }),
        leverageDrop: fc.integer({ min: 0, max: 30 }),
      }),
      { minLength: 1, maxLength: 5 },
    )
    .map((steps) => {
      const tiers: RiskTier[] = [];
      let bound = 0n;
      let mmr = 0n;
      let leverage = 125;
      for (const { step, mmrStep, leverageDrop } of steps) {
        bound += step * unit;
        mmr += mmrStep;
        leverage = Math.max(1, leverage - leverageDrop);
        while (leverage > 1 && mmr * BigInt(leverage) >= 1_000_000n) leverage -= 1;
        if (mmr >= 1_000_000n) break;
        tiers.push({ maxNotionalAtoms: bound, maintenanceMarginPpm: mmr, maxLeverage: leverage });
      }
      return prepareRiskTiers(tiers);
    });

type TierScale = { unit: bigint; stepMax: bigint; mmrStepMax: bigint };
/** Realistic: bounds anywhere up to 10^12 atoms, rates up by at most 2 % a tier. */
const ANY_BOUNDS: TierScale = { unit: 1n, stepMax: 10n ** 12n, mmrStepMax: 20_000n };
/** Bounds in whole USDT: the maintenance amounts are exact. */
const WHOLE_BOUNDS: TierScale = { unit: USDT, stepMax: 10n ** 6n, mmrStepMax: 20_000n };
/** Tiny bounds and steep rates, where each atom of rounding in cum_t shows. */
const TINY_BOUNDS: TierScale = { unit: 1n, stepMax: 2_000n, mmrStepMax: 300_000n };

/** A position opened at a price with a margin anywhere from nothing (or less, cross) to twice its cost. */
const arbitraryPosition = (maxLots = 10n ** 6n, maxTicks = 10n ** 7n, maxK = 1_000n) =>
  fc
    .record({
      side: fc.constantFrom(1n, -1n),
      lots: fc.bigInt({ min: 1n, max: maxLots }),
      entryTicks: fc.bigInt({ min: 1n, max: maxTicks }),
      k: fc.bigInt({ min: 1n, max: maxK }),
      marginPpmOfCost: fc.bigInt({ min: -100_000n, max: 2_000_000n }),
    })
    .map(({ side, lots, entryTicks, k, marginPpmOfCost }): MarginedPosition => {
      const cost = entryTicks * lots * k;
      return {
        qtyLots: side * lots,
        costAtoms: side * cost,
        marginAtoms: (cost * marginPpmOfCost) / 1_000_000n,
        k,
      };
    });

describe("the liquidation price, for any position and schedule", () => {
  const onTheSafeSide = (
    tiers: PreparedRiskTier[],
    position: MarginedPosition,
    anyMark: bigint,
  ) => {
    const liquidation = liquidationPriceTicks({ ...position, tiers });
    const below = (markTicks: bigint) => isBelowMaintenance({ ...position, tiers, markTicks });
    const isLong = position.qtyLots > 0n;
    if (liquidation > 0n) expect(below(liquidation)).toBe(true);
    const safer = isLong ? liquidation + 1n : liquidation - 1n;
    if (safer > 0n) expect(below(safer)).toBe(false);
    // The index never misses: wherever the engine would liquidate, the mark has reached it.
    for (const mark of [anyMark, liquidation + 2n, liquidation - 2n]) {
      if (mark > 0n && below(mark)) {
        expect(isLong ? mark <= liquidation : mark >= liquidation).toBe(true);
      }
    }
  };

  it("is on the safe side: liquidated at it, not one tick safer, and never at a mark past it", () => {
    fc.assert(
      fc.property(
        arbitraryTiers(ANY_BOUNDS),
        arbitraryPosition(),
        fc.bigInt({ min: 1n, max: 10n ** 8n }),
        onTheSafeSide,
      ),
    );
  });

  it("is on the safe side too where tiny tiers make every atom of rounding count", () => {
    fc.assert(
      fc.property(
        arbitraryTiers(TINY_BOUNDS),
        arbitraryPosition(3n, 3_000n, 2n),
        fc.bigInt({ min: 1n, max: 10_000n }),
        onTheSafeSide,
      ),
      { numRuns: 2_000 },
    );
  });

  it("with bounds in whole USDT, liquidates at every mark past it (maintenance is continuous)", () => {
    fc.assert(
      fc.property(
        arbitraryTiers(WHOLE_BOUNDS),
        arbitraryPosition(),
        fc.bigInt({ min: 0n, max: 10n ** 6n }),
        (tiers, position, distance) => {
          const liquidation = liquidationPriceTicks({ ...position, tiers });
          const past = position.qtyLots > 0n ? liquidation - distance : liquidation + distance;
          if (liquidation > 0n && past > 0n) {
            expect(isBelowMaintenance({ ...position, tiers, markTicks: past })).toBe(true);
          }
        },
      ),
    );
  });
});

describe("maintenance for any schedule", () => {
  it("is never below the exact continuous line, by less than an atom per tier above it", () => {
    fc.assert(
      fc.property(
        arbitraryTiers(ANY_BOUNDS),
        fc.bigInt({ min: 0n, max: 10n ** 16n }),
        (tiers, n) => {
          // The exact line in tier t: N × mmr_t − Σ bound_{i−1} × (mmr_i − mmr_{i−1}), in ppm-atoms.
          const index = tiers.indexOf(tierOf(tiers, n));
          let exactCum = 0n;
          for (let i = 1; i <= index; i++) {
            const [lower, upper] = [tiers[i - 1], tiers[i]] as [PreparedRiskTier, PreparedRiskTier];
            exactCum +=
              lower.maxNotionalAtoms * (upper.maintenanceMarginPpm - lower.maintenanceMarginPpm);
          }
          const exactPpmAtoms =
            n * (tiers[index] as PreparedRiskTier).maintenanceMarginPpm - exactCum;
          const charged = maintenanceAtoms(tiers, n) * 1_000_000n;
          expect(charged >= exactPpmAtoms).toBe(true);
          expect(charged < exactPpmAtoms + BigInt(index + 1) * 1_000_000n).toBe(true);
        },
      ),
    );
  });

  it("with bounds in whole USDT, grows by 0 or 1 atom per atom of notional, across bounds too", () => {
    fc.assert(
      fc.property(
        arbitraryTiers(WHOLE_BOUNDS),
        fc.nat({ max: 4 }),
        fc.bigInt({ min: -3n, max: 3n }),
        (tiers, pick, offset) => {
          const bound = (tiers[Math.min(pick, tiers.length - 1)] as PreparedRiskTier)
            .maxNotionalAtoms;
          const n = bound + offset > 0n ? bound + offset : 0n;
          const step = maintenanceAtoms(tiers, n + 1n) - maintenanceAtoms(tiers, n);
          expect(step === 0n || step === 1n).toBe(true);
        },
      ),
    );
  });
});

describe("the bankruptcy price, for any position", () => {
  it("leaves the user equity ≥ 0 at it, and < 0 one tick further", () => {
    fc.assert(
      fc.property(arbitraryPosition(), (position) => {
        const bankruptcy = bankruptcyPriceTicks(position);
        const equity = (markTicks: bigint) => marginBalanceAtoms({ ...position, markTicks });
        expect(equity(bankruptcy) >= 0n).toBe(true);
        const worse = position.qtyLots > 0n ? bankruptcy - 1n : bankruptcy + 1n;
        if (worse >= 0n) expect(equity(worse) < 0n).toBe(true);
      }),
    );
  });
});

describe("reducing a position in steps", () => {
  it("realises exactly proceeds − cost in total, each step no more than its exact share", () => {
    fc.assert(
      fc.property(
        arbitraryPosition(),
        fc.array(
          fc.record({
            part: fc.bigInt({ min: 1n, max: 100n }),
            priceTicks: fc.bigInt({ min: 1n, max: 10n ** 7n }),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        ({ qtyLots, costAtoms, k }, steps) => {
          let qty = qtyLots;
          let cost = costAtoms;
          let realised = 0n;
          let proceeds = 0n;
          for (const [index, { part, priceTicks }] of steps.entries()) {
            const size = qty < 0n ? -qty : qty;
            const isLast = index === steps.length - 1;
            const reduceLots = isLast ? size : 1n + ((size - 1n) * part) / 100n;
            const pnl = realisedPnlAtoms({
              qtyLots: qty,
              costAtoms: cost,
              reduceLots,
              priceTicks,
              k,
            });
            const side = qty > 0n ? 1n : -1n;
            // Exact share: side × P × r × k − cost × r / |qty|; the rounded one is never above it.
            expect(
              pnl * size <= side * priceTicks * reduceLots * k * size - cost * reduceLots,
            ).toBe(true);
            realised += pnl;
            proceeds += side * priceTicks * reduceLots * k;
            cost = reduceCost(qty, cost, reduceLots).remainingCostAtoms;
            qty -= side * reduceLots;
            if (qty === 0n) break;
          }
          expect(qty).toBe(0n);
          expect(cost).toBe(0n);
          expect(realised).toBe(proceeds - costAtoms);
        },
      ),
    );
  });

  it("a long and the mirrored short never realise more together than zero", () => {
    fc.assert(
      fc.property(
        arbitraryPosition(),
        fc.bigInt({ min: 1n, max: 10n ** 7n }),
        fc.bigInt({ min: 1n, max: 100n }),
        (position, priceTicks, part) => {
          const size = position.qtyLots < 0n ? -position.qtyLots : position.qtyLots;
          const reduceLots = 1n + ((size - 1n) * part) / 100n;
          const long = {
            qtyLots: size,
            costAtoms: position.costAtoms < 0n ? -position.costAtoms : position.costAtoms,
          };
          const short = { qtyLots: -long.qtyLots, costAtoms: -long.costAtoms };
          const trade = { reduceLots, priceTicks, k: position.k };
          const sum =
            realisedPnlAtoms({ ...long, ...trade }) + realisedPnlAtoms({ ...short, ...trade });
          // 0 when the cost divides evenly, −1 atom when the two roundings meet.
          expect(sum === 0n || sum === -1n).toBe(true);
        },
      ),
    );
  });
});
