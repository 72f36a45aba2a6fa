import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvariantError } from "../../assert";
import {
  averagePremiumPpm,
  fundingPaymentAtoms,
  fundingRatePpm,
  premiumPpm,
  settleFunding,
} from "./funding-math";

/** BTCUSDT-PERP: USDT 6 decimals, a lot 0.001 BTC, a tick 0.1 USDT, k = 100. */
const USDT = 1_000_000n;
const K = 100n;
const BTC_LOTS = 1_000n;
const usdt = (whole: bigint) => whole * 10n;

describe("the premium index", () => {
  it("is +0.05 % when the impact bid is 25 USDT over an index of 50 000", () => {
    const prices = { impactBidTicks: usdt(50_025n), impactAskTicks: usdt(50_030n) };
    expect(premiumPpm({ ...prices, indexTicks: usdt(50_000n) })).toBe(500n);
  });

  it("is −0.04 % when the impact ask is 20 USDT under it", () => {
    const prices = { impactBidTicks: usdt(49_970n), impactAskTicks: usdt(49_980n) };
    expect(premiumPpm({ ...prices, indexTicks: usdt(50_000n) })).toBe(-400n);
  });

  it("is 0 while the index is inside the impact spread", () => {
    const prices = { impactBidTicks: usdt(49_990n), impactAskTicks: usdt(50_010n) };
    expect(premiumPpm({ ...prices, indexTicks: usdt(50_000n) })).toBe(0n);
  });

  it("is rounded toward zero, the same size either way: ±1/3 is ±333 333 ppm", () => {
    expect(premiumPpm({ impactBidTicks: 4n, impactAskTicks: 5n, indexTicks: 3n })).toBe(333_333n);
    expect(premiumPpm({ impactBidTicks: 1n, impactAskTicks: 2n, indexTicks: 3n })).toBe(-333_333n);
  });

  it("is averaged with later samples weighing more: (1×100 + 2×200 + 3×300) / 6 = 233", () => {
    expect(averagePremiumPpm([100n, 200n, 300n])).toBe(233n);
    expect(averagePremiumPpm([-100n, -200n, -300n])).toBe(-233n);
    expect(averagePremiumPpm([300n, 200n, 100n])).toBe(166n); // 1 000 / 6
    expect(averagePremiumPpm([])).toBe(0n);
  });
});

describe("the funding rate (Binance: P + clamp(I − P, ±0.05 %), capped)", () => {
  const rate = (averagePremiumPpm: bigint, capPpm = 3_000n) =>
    fundingRatePpm({ averagePremiumPpm, interestPpm: 100n, capPpm });

  it("is the 0.01 % interest while the premium stays within 0.05 % of it", () => {
    expect(rate(0n)).toBe(100n);
    expect(rate(300n)).toBe(100n);
    expect(rate(-400n)).toBe(100n);
  });

  it("follows the premium beyond: 0.1 % premium → 0.05 %, −0.1 % → −0.05 %", () => {
    expect(rate(1_000n)).toBe(500n); // 1 000 + clamp(−900) = 1 000 − 500
    expect(rate(-1_000n)).toBe(-500n); // −1 000 + clamp(1 100) = −1 000 + 500
  });

  it("stops at the contract's cap of 0.3 % either way", () => {
    expect(rate(10_000n)).toBe(3_000n);
    expect(rate(-10_000n)).toBe(-3_000n);
    expect(rate(1_000n, 0n)).toBe(0n);
  });
});

describe("a funding payment", () => {
  const at50k = { markTicks: usdt(50_000n), k: K };

  it("a long of 1 BTC at a 50 000 mark pays 5 USDT at +0.01 %, the short receives 5", () => {
    expect(fundingPaymentAtoms({ ...at50k, qtyLots: BTC_LOTS, ratePpm: 100n })).toBe(5n * USDT);
    expect(fundingPaymentAtoms({ ...at50k, qtyLots: -BTC_LOTS, ratePpm: 100n })).toBe(-5n * USDT);
  });

  it("at −0.01 % the short pays and the long receives: the same amounts, sides swapped", () => {
    expect(fundingPaymentAtoms({ ...at50k, qtyLots: -BTC_LOTS, ratePpm: -100n })).toBe(5n * USDT);
    expect(fundingPaymentAtoms({ ...at50k, qtyLots: BTC_LOTS, ratePpm: -100n })).toBe(-5n * USDT);
  });

  it("is rounded in the exchange's favour: a payer of 0.0001 atom pays 1, its receiver gets 0", () => {
    // 1 lot at 1 tick: a notional of 100 atoms; at 1 ppm, 0.0001 atom.
    const tiny = { markTicks: 1n, k: K, ratePpm: 1n };
    expect(fundingPaymentAtoms({ ...tiny, qtyLots: 1n })).toBe(1n);
    expect(fundingPaymentAtoms({ ...tiny, qtyLots: -1n })).toBe(0n);
    // 2.5 atoms owed: the payer pays 3, the receiver gets 2.
    const half = { markTicks: 25_000n, k: 1n, ratePpm: 100n };
    expect(fundingPaymentAtoms({ ...half, qtyLots: 1n })).toBe(3n);
    expect(fundingPaymentAtoms({ ...half, qtyLots: -1n })).toBe(-2n);
  });
});

describe("settling funding for a contract", () => {
  it("three longs of 1, 2 and 4 lots against a short of 7, at 0.0007 %: 3 atoms in, 1 out, 2 to rounding", () => {
    // Each lot owes 333 × 100 × 7 / 10^6 = 0.2331 atom: the longs 0.2331, 0.4662 and 0.9324,
    // each rounded up to 1; the short is owed 1.6317, rounded down to 1. 3 − 1 = 2 kept.
    const positions = [{ qtyLots: 1n }, { qtyLots: 2n }, { qtyLots: 4n }, { qtyLots: -7n }];
    expect(settleFunding(positions, { markTicks: 333n, k: K, ratePpm: 7n })).toEqual({
      paymentsAtoms: [1n, 1n, 1n, -1n],
      roundingAtoms: 2n,
    });
  });

  it("keeps nothing when the amounts are whole", () => {
    const positions = [{ qtyLots: BTC_LOTS }, { qtyLots: -BTC_LOTS }];
    const terms = { markTicks: usdt(50_000n), k: K, ratePpm: 100n };
    expect(settleFunding(positions, terms)).toEqual({
      paymentsAtoms: [5n * USDT, -5n * USDT],
      roundingAtoms: 0n,
    });
  });

  it("stops if the longs and shorts do not balance (a position was lost)", () => {
    const terms = { markTicks: 1n, k: K, ratePpm: 1n };
    expect(() => settleFunding([{ qtyLots: 2n }, { qtyLots: -1n }], terms)).toThrow(InvariantError);
  });

  it("for any positions, pays and receives to the atom: Σ payments = rounding, 0 ≤ rounding < count", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), { maxLength: 30 }),
        fc.bigInt({ min: 1n, max: 10n ** 8n }),
        fc.bigInt({ min: 1n, max: 10_000n }),
        fc.bigInt({ min: -7_500n, max: 7_500n }),
        (quantities, markTicks, k, ratePpm) => {
          // The rest of the open interest on one more position, so longs and shorts balance.
          const balancing = -quantities.reduce((sum, qty) => sum + qty, 0n);
          const positions = [...quantities, balancing].map((qtyLots) => ({ qtyLots }));
          const { paymentsAtoms, roundingAtoms } = settleFunding(positions, {
            markTicks,
            k,
            ratePpm,
          });
          expect(paymentsAtoms.reduce((sum, paid) => sum + paid, 0n) - roundingAtoms).toBe(0n);
          expect(roundingAtoms >= 0n && roundingAtoms < BigInt(positions.length)).toBe(true);
          for (const [index, paid] of paymentsAtoms.entries()) {
            // Exact amount owed (× 10^6): a payer pays it or up to an atom more, a receiver
            // gets it or up to an atom less; either way paid ≥ owed > paid − 1.
            const owed = (positions[index]?.qtyLots ?? 0n) * markTicks * k * ratePpm;
            expect(paid * 1_000_000n >= owed && (paid - 1n) * 1_000_000n < owed).toBe(true);
          }
        },
      ),
    );
  });

  it("treats a long at +r as the short at −r: the same payment", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.bigInt({ min: 1n, max: 10n ** 8n }),
        fc.bigInt({ min: -7_500n, max: 7_500n }),
        (lots, markTicks, ratePpm) => {
          const terms = { markTicks, k: K };
          expect(fundingPaymentAtoms({ ...terms, qtyLots: lots, ratePpm })).toBe(
            fundingPaymentAtoms({ ...terms, qtyLots: -lots, ratePpm: -ratePpm }),
          );
        },
      ),
    );
  });
});
