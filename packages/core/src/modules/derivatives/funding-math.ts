/**
 * The funding arithmetic of perpetual contracts, pure and exact (Binance's scheme). The worker
 * samples the premium index with {@link premiumPpm}, the engine turns the interval's average
 * into a rate with {@link fundingRatePpm} and moves money with {@link settleFunding}; the web
 * shows the same numbers.
 *
 * Rates are ppm of the notional at the mark. A positive rate: longs pay shorts; negative:
 * shorts pay longs. Each payment is ⌈q × M × k × rate / 10^6⌉ signed as "paid by the position":
 * a payer pays rounded UP, a receiver is paid rounded DOWN, both in the exchange's favour, and
 * the difference (≥ 0, below one atom per position) goes to the `rounding` account.
 */

import { assert } from "../../assert";
import { divCeil, PPM } from "./margin-math";

/** Binance's clamp on (interest − premium): ±0.05 %. */
export const INTEREST_CLAMP_PPM = 500n;

function clamp(value: bigint, low: bigint, high: bigint): bigint {
  return value < low ? low : value > high ? high : value;
}

function positivePart(value: bigint): bigint {
  return value > 0n ? value : 0n;
}

/**
 * One premium index sample: (max(0, impactBid − index) − max(0, index − impactAsk)) / index, in
 * ppm rounded toward zero (so a premium and the same discount give the same size of rate).
 */
export function premiumPpm(prices: {
  impactBidTicks: bigint;
  impactAskTicks: bigint;
  indexTicks: bigint;
}): bigint {
  const { impactBidTicks, impactAskTicks, indexTicks } = prices;
  assert(indexTicks > 0n, "an index price is positive");
  const premium = positivePart(impactBidTicks - indexTicks);
  const discount = positivePart(indexTicks - impactAskTicks);
  return ((premium - discount) * PPM) / indexTicks;
}

/**
 * The interval's average premium, Binance's time-weighted mean: the i-th sample (1-based, oldest
 * first) weighs i, so later samples count more. Rounded toward zero; 0 without samples.
 */
export function averagePremiumPpm(samplesPpm: readonly bigint[]): bigint {
  let weighted = 0n;
  let weights = 0n;
  for (const [index, sample] of samplesPpm.entries()) {
    const weight = BigInt(index + 1);
    weighted += weight * sample;
    weights += weight;
  }
  return weights === 0n ? 0n : weighted / weights;
}

/**
 * The funding rate of an interval: P + clamp(I − P, −0.05 %, +0.05 %), then clamped to ±cap
 * (Binance). Integers in, integer out: the only rounding is the premium's, toward zero.
 */
export function fundingRatePpm(inputs: {
  averagePremiumPpm: bigint;
  interestPpm: bigint;
  capPpm: bigint;
}): bigint {
  const { averagePremiumPpm: premium, interestPpm, capPpm } = inputs;
  assert(capPpm >= 0n, "a funding cap is ≥ 0");
  const rate = premium + clamp(interestPpm - premium, -INTEREST_CLAMP_PPM, INTEREST_CLAMP_PPM);
  return clamp(rate, -capPpm, capPpm);
}

/** What funding charges: the mark, the contract's k and the interval's rate. */
export type FundingTerms = { markTicks: bigint; k: bigint; ratePpm: bigint };

/**
 * The amount a position pays at funding time, signed: > 0 pays, < 0 receives. It is
 * ⌈q × M × k × rate / 10^6⌉ — the notional (M × |q| × k) times the rate, signed by who pays; the
 * ceiling rounds a payer's amount UP and a receiver's DOWN in size.
 */
export function fundingPaymentAtoms(position: FundingTerms & { qtyLots: bigint }): bigint {
  const { markTicks, qtyLots, k, ratePpm } = position;
  return divCeil(qtyLots * markTicks * k * ratePpm, PPM);
}

/**
 * Funding for every open position of a contract, in the given order. Longs and shorts balance
 * (Σ qty = 0, asserted), so the exact payments sum to 0 and the rounded ones to the
 * `roundingAtoms` the exchange keeps: Σ payments = roundingAtoms, 0 ≤ roundingAtoms < number of
 * positions. Post each payment out of (or into) its wallet and roundingAtoms to `rounding`.
 */
export function settleFunding(
  positions: readonly { qtyLots: bigint }[],
  terms: FundingTerms,
): { paymentsAtoms: bigint[]; roundingAtoms: bigint } {
  const openInterest = positions.reduce((sum, position) => sum + position.qtyLots, 0n);
  assert(openInterest === 0n, "funding: the longs and the shorts of a contract balance");
  const paymentsAtoms = positions.map(({ qtyLots }) => fundingPaymentAtoms({ ...terms, qtyLots }));
  const roundingAtoms = paymentsAtoms.reduce((sum, payment) => sum + payment, 0n);
  assert(
    roundingAtoms >= 0n && roundingAtoms < BigInt(Math.max(positions.length, 1)),
    "funding rounding",
  );
  return { paymentsAtoms, roundingAtoms };
}
