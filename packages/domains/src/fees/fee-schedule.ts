import { formatUnits, parseUnits } from "@exchange/contracts/money";

/**
 * The fee schedule, pure (issue 18). A tier scales each market's maker and taker rates in
 * millionths (packages/core FeeTierConfig): 1 000 000 charges the market rate, 0 waives it, and a
 * negative maker scale pays makers a rebate. A trader's tier is the highest whose 30-day volume
 * threshold their volume reaches. Volume is counted in the reference asset, USDT (atoms): the
 * quote value of the trader's trades in USDT-quoted markets.
 */

/** The asset volumes and thresholds are counted in. */
export const VOLUME_ASSET = "USDT";
/** The window of traded volume a tier is chosen by. */
export const VOLUME_WINDOW_DAYS = 30;
export const FULL_SCALE_PPM = 1_000_000;
/** Staff give scales as a percentage of the market rate with up to 4 decimals (= millionths). */
const PERCENT_DECIMALS = 4;
/** Market rates are fractions with up to 6 decimals (parts per million). */
const RATE_DECIMALS = 6;

export interface ScheduleTier {
  tier: number;
  /** 30-day volume from which the tier applies, in atoms of `VOLUME_ASSET`. */
  minVolumeAtoms: bigint;
  makerScalePpm: number;
  takerScalePpm: number;
}

/** A market's rates, as fractions in decimal text ("0.001" = 0.1 %). */
export interface MarketRates {
  symbol: string;
  makerFeeRate: string;
  takerFeeRate: string;
}

/** Tiers by threshold, lowest first (the table's order is by tier number). */
function byThreshold(schedule: readonly ScheduleTier[]): ScheduleTier[] {
  return [...schedule].sort((a, b) =>
    a.minVolumeAtoms === b.minVolumeAtoms
      ? a.tier - b.tier
      : a.minVolumeAtoms < b.minVolumeAtoms
        ? -1
        : 1,
  );
}

/** The tier a 30-day volume earns: the highest threshold it reaches (tier 0 from zero). */
export function tierForVolume(schedule: readonly ScheduleTier[], volumeAtoms: bigint): number {
  let chosen = 0;
  for (const tier of byThreshold(schedule)) {
    if (tier.minVolumeAtoms <= volumeAtoms) chosen = tier.tier;
  }
  return chosen;
}

/** The tier after `tier` by threshold, which a trader reaches by trading more; null at the top. */
export function nextTierAfter(
  schedule: readonly ScheduleTier[],
  tier: number,
): ScheduleTier | null {
  const current = schedule.find((t) => t.tier === tier);
  const floor = current?.minVolumeAtoms ?? 0n;
  return byThreshold(schedule).find((t) => t.minVolumeAtoms > floor) ?? null;
}

/** A field and what is wrong with it, as the form shows it. */
export type ScheduleProblems = Record<string, string[]>;

/**
 * What is wrong with a schedule operations want to keep, or nothing:
 * - tier 0 applies from zero volume, and a higher tier needs strictly more volume, so the tier
 *   number reads as the rank;
 * - in every market the largest maker rebate is at most the smallest taker fee of any tier. The
 *   engine never pays a maker more than the taker paid on the same fill (the rebate comes out of
 *   that fee, in its asset), so a larger rebate would be cut short on some fills: a tier would
 *   promise makers what it does not pay.
 */
export function scheduleProblems(
  schedule: readonly ScheduleTier[],
  markets: readonly MarketRates[],
): ScheduleProblems {
  const problems: ScheduleProblems = {};
  const add = (field: string, message: string) => {
    problems[field] = [...(problems[field] ?? []), message];
  };
  const sorted = [...schedule].sort((a, b) => a.tier - b.tier);
  if (sorted[0]?.tier !== 0 || sorted[0].minVolumeAtoms !== 0n) {
    add("minVolume", "Tier 0 applies from zero volume.");
  }
  for (let i = 1; i < sorted.length; i++) {
    const [lower, higher] = [sorted[i - 1], sorted[i]] as [ScheduleTier, ScheduleTier];
    if (higher.minVolumeAtoms <= lower.minVolumeAtoms) {
      add(
        "minVolume",
        `Tier ${higher.tier} must need more volume than tier ${lower.tier}: a higher tier is a higher rank.`,
      );
    }
  }
  for (const market of markets) {
    const problem = rebateProblem(sorted, market);
    if (problem !== null) add("makerScalePercent", problem);
  }
  return problems;
}

function rebateProblem(schedule: readonly ScheduleTier[], market: MarketRates): string | null {
  const makerPpm = ratePpm(market.makerFeeRate);
  const takerPpm = ratePpm(market.takerFeeRate);
  let largestRebate = 0n;
  let smallestTakerFee: bigint | null = null;
  for (const tier of schedule) {
    const rebate = tier.makerScalePpm < 0 ? makerPpm * BigInt(-tier.makerScalePpm) : 0n;
    if (rebate > largestRebate) largestRebate = rebate;
    const takerFee = takerPpm * BigInt(tier.takerScalePpm);
    if (smallestTakerFee === null || takerFee < smallestTakerFee) smallestTakerFee = takerFee;
  }
  if (largestRebate === 0n || largestRebate <= (smallestTakerFee ?? 0n)) return null;
  return `In ${market.symbol} a maker rebate would exceed the lowest taker fee: makers would be paid less than the tier promises.`;
}

/** A market rate fraction ("0.001") in parts per million. */
export function ratePpm(rate: string): bigint {
  return parseUnits(rate, RATE_DECIMALS);
}

/**
 * A market rate scaled by a tier, as a percentage in decimal text ("0.05" for 0.05 %), negative
 * for a rebate. Exact: ppm × ppm is parts per 10^12, a percentage is parts per 10^10 of that.
 */
export function effectiveRatePercent(rate: string, scalePpm: number): string {
  return formatUnits(ratePpm(rate) * BigInt(scalePpm), 10);
}

/** A scale in millionths from a percentage ("-25", "80.5"); null when it is not one. */
export function scalePpmOfPercent(text: string): number | null {
  const match = /^(-?)(\d{1,7}(?:\.\d{1,4})?)$/.exec(text.trim());
  if (match === null) return null;
  const magnitude = parseUnits(match[2] as string, PERCENT_DECIMALS);
  if (magnitude > BigInt(FULL_SCALE_PPM)) return null;
  return Number(match[1] === "-" ? 0n - magnitude : magnitude);
}

/** A scale in millionths as a percentage of the market rate ("-25", "80.5"). */
export function percentOfScale(scalePpm: number): string {
  return formatUnits(BigInt(scalePpm), PERCENT_DECIMALS);
}
