import { fundingMath } from "@exchange/core";

/**
 * A perpetual's mark price and funding rate, pure (issue 20 §3, §4). The worker's pricer
 * (`perpetual-pricer.ts`) feeds them each second and sends the results to the engine as
 * commands, so that a replay of the journal needs none of this.
 *
 * Mark = index + the average basis (the contract's mid − the index) over the last minute,
 * bounded to ±0.5 % of the index: a thin or pushed book moves the mark only that far from the
 * index, so nobody is liquidated by one trade. Prices are contract ticks; the index, quote atoms
 * per whole unit, is converted to ticks rounded DOWN (the tick below), the average basis rounded
 * toward zero, the band's bound rounded DOWN (never wider than 0.5 %).
 *
 * Funding: once a minute a premium sample — (max(0, bid − index) − max(0, index − ask)) / index,
 * ppm — is taken from the best bid and ask (the impact prices at one lot); at each funding time
 * the rate is Binance's, averagePremium + clamp(interest − averagePremium, ±0.05 %), capped by
 * the contract (`funding-math.ts` in the core). Funding times are the multiples of the interval
 * since the epoch (00:00, 08:00, 16:00 UTC for 8 h).
 */

/** Basis samples averaged for the mark: a minute of one-second samples. */
export const BASIS_WINDOW_SAMPLES = 60;
/** How far the mark may stand from the index, ppm of the index. */
export const MARK_BAND_PPM = 5_000n;
/** One premium sample a minute, as Binance samples. */
export const PREMIUM_SAMPLE_EVERY_MS = 60_000;
const PPM = 1_000_000n;

/** An index in quote atoms per whole unit, as contract ticks (rounded down). */
export function indexTicks(indexAtoms: bigint, tickSizeAtoms: bigint): bigint {
  return indexAtoms / tickSizeAtoms;
}

/** The basis now: the book's mid less the index, in ticks (a half tick rounded toward zero); null without both sides. */
export function basisTicks(
  book: { bestBidTicks: bigint | null; bestAskTicks: bigint | null },
  indexTicksNow: bigint,
): bigint | null {
  if (book.bestBidTicks === null || book.bestAskTicks === null) return null;
  return (book.bestBidTicks + book.bestAskTicks - 2n * indexTicksNow) / 2n;
}

/** The last `size` basis samples, for their average. */
export class BasisWindow {
  private readonly samples: bigint[] = [];

  constructor(private readonly size: number = BASIS_WINDOW_SAMPLES) {}

  add(basis: bigint): void {
    this.samples.push(basis);
    if (this.samples.length > this.size) this.samples.shift();
  }

  /** The average basis, rounded toward zero; 0 with no samples (the mark is then the index). */
  average(): bigint {
    if (this.samples.length === 0) return 0n;
    const sum = this.samples.reduce((total, basis) => total + basis, 0n);
    return sum / BigInt(this.samples.length);
  }

  get count(): number {
    return this.samples.length;
  }
}

/** index + average basis, within ±MARK_BAND_PPM of the index; at least one tick. */
export function markTicks(indexTicksNow: bigint, averageBasisTicks: bigint): bigint {
  const band = (indexTicksNow * MARK_BAND_PPM) / PPM;
  const basis =
    averageBasisTicks > band ? band : averageBasisTicks < -band ? -band : averageBasisTicks;
  const mark = indexTicksNow + basis;
  return mark > 0n ? mark : 1n;
}

/** A premium sample at the best bid and ask, ppm; null without both sides. */
export function premiumSamplePpm(
  book: { bestBidTicks: bigint | null; bestAskTicks: bigint | null },
  indexTicksNow: bigint,
): bigint | null {
  if (book.bestBidTicks === null || book.bestAskTicks === null || indexTicksNow <= 0n) return null;
  return fundingMath.premiumPpm({
    impactBidTicks: book.bestBidTicks,
    impactAskTicks: book.bestAskTicks,
    indexTicks: indexTicksNow,
  });
}

/** The funding rate of an interval from its premium samples (no sample: the interest alone, capped). */
export function fundingRateOf(
  samplesPpm: readonly bigint[],
  terms: { interestPpm: number; fundingCapPpm: number },
): number {
  const average = samplesPpm.length === 0 ? 0n : fundingMath.averagePremiumPpm(samplesPpm);
  return Number(
    fundingMath.fundingRatePpm({
      averagePremiumPpm: average,
      interestPpm: BigInt(terms.interestPpm),
      capPpm: BigInt(terms.fundingCapPpm),
    }),
  );
}

/** The next funding time after `nowMs`: the next multiple of the interval. */
export function nextFundingTime(nowMs: number, intervalMs: number): number {
  return (Math.floor(nowMs / intervalMs) + 1) * intervalMs;
}

/** The latest funding time at or before `nowMs`, if it is after the last one settled; else null. */
export function dueFundingTime(
  nowMs: number,
  intervalMs: number,
  lastSettledMs: number,
): number | null {
  const due = Math.floor(nowMs / intervalMs) * intervalMs;
  return due > lastSettledMs ? due : null;
}
