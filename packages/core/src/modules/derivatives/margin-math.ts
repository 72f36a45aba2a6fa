/**
 * The margin arithmetic of linear perpetual contracts, pure and exact: the engine decides on it,
 * and the derivatives domain and the web show the same numbers. Money is settle-asset atoms
 * (USDT), prices are ticks, quantities are lots; `k` (settle atoms per tick per lot) makes the
 * notional of q lots at p ticks exactly p × q × k atoms.
 *
 * Signs: `qtyLots` > 0 is a long, < 0 a short, 0 flat. `costAtoms` is the entry notional,
 * signed like the quantity (a short's cost is negative), so that one formula serves both sides:
 * unrealised PnL at mark M = M × qty × k − cost, and the margin balance of a position backed by
 * `marginAtoms` is margin + that PnL.
 *
 * Rounding, always in the exchange's favour: maintenance is rounded UP (a position is liquidated
 * no later than the line), initial margin UP, a reduced long's removed cost UP and a reduced
 * short's DOWN in size (the smaller realised PnL now; the last close takes the residue, so the
 * total is exact). Prices shown are ticks chosen so that the engine's exact integer decision
 * agrees with them: see {@link liquidationPriceTicks} and {@link bankruptcyPriceTicks}.
 */

import { assert } from "../../assert";

export const PPM = 1_000_000n;

/** One bracket of a contract's maintenance schedule (Binance's "leverage and margin tiers"). */
export type RiskTier = {
  /** The largest position notional (atoms, inclusive) in this tier; the last tier's is the contract's cap. */
  maxNotionalAtoms: bigint;
  /** Maintenance margin rate of the notional in this tier, ppm. */
  maintenanceMarginPpm: bigint;
  /** The highest leverage a position whose notional is in this tier may use. */
  maxLeverage: number;
};

/** A tier with its maintenance amount, which keeps maintenance continuous across tier bounds. */
export type PreparedRiskTier = RiskTier & {
  /** Subtracted from ⌈N × mmr / 10^6⌉ in this tier; 0 in the first. */
  cumAtoms: bigint;
};

/** ⌊a / b⌋ for any a and b > 0 (bigint `/` truncates toward zero). */
export function divFloor(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b > a ? q - 1n : q;
}

/** ⌈a / b⌉ for any a and b > 0. */
export function divCeil(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b < a ? q + 1n : q;
}

/** The smaller of two bigints (`Math.min` takes numbers only). */
export function smallerOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** The larger of two bigints. */
export function largerOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function sign(x: bigint): bigint {
  return x > 0n ? 1n : x < 0n ? -1n : 0n;
}

/**
 * Why a tier schedule is unusable, or null if it is fine. Checked when a contract is added, so
 * that everything below may rely on it: bounds ascending, rates non-decreasing and below 100 %,
 * max leverage a whole number ≥ 1 not increasing with size, and each tier's rate below the
 * initial margin rate of its max leverage (mmr × L < 10^6) — a position opened at the maximum
 * leverage must start above maintenance, not be liquidated at once.
 */
export function riskTiersProblem(tiers: readonly RiskTier[]): string | null {
  if (tiers.length === 0) return "no risk tiers";
  let previous: RiskTier | undefined;
  for (const [index, tier] of tiers.entries()) {
    const problem = tierProblem(tier, previous);
    if (problem !== null) return `tier ${index}: ${problem}`;
    previous = tier;
  }
  return null;
}

function tierProblem(tier: RiskTier, previous: RiskTier | undefined): string | null {
  const { maxNotionalAtoms, maintenanceMarginPpm: mmr, maxLeverage } = tier;
  if (maxNotionalAtoms <= 0n) return "max notional must be positive";
  if (mmr < 0n || mmr >= PPM) return "maintenance rate must be in [0, 100 %)";
  if (!Number.isSafeInteger(maxLeverage) || maxLeverage < 1) {
    return "max leverage must be a whole number ≥ 1";
  }
  if (mmr * BigInt(maxLeverage) >= PPM) {
    return "maintenance rate must be below the initial margin rate of the max leverage";
  }
  if (previous === undefined) return null;
  if (maxNotionalAtoms <= previous.maxNotionalAtoms) return "bounds must ascend";
  if (mmr < previous.maintenanceMarginPpm) return "maintenance rates must not decrease";
  if (maxLeverage > previous.maxLeverage) return "max leverage must not increase";
  return null;
}

/**
 * The tiers with their maintenance amounts: cum_0 = 0, cum_t = cum_{t−1} +
 * ⌊bound_{t−1} × (mmr_t − mmr_{t−1}) / 10^6⌋. Rounding the amount DOWN keeps maintenance in
 * tier t at or above the continuous line, so liquidation is never later than the schedule says;
 * with bounds in whole settle units the amount is exact and maintenance exactly continuous.
 */
export function prepareRiskTiers(tiers: readonly RiskTier[]): PreparedRiskTier[] {
  const problem = riskTiersProblem(tiers);
  assert(problem === null, `risk tiers checked when the contract is added: ${problem}`);
  const prepared: PreparedRiskTier[] = [];
  let previous: PreparedRiskTier | undefined;
  for (const tier of tiers) {
    const cumAtoms =
      previous === undefined
        ? 0n
        : previous.cumAtoms +
          (previous.maxNotionalAtoms *
            (tier.maintenanceMarginPpm - previous.maintenanceMarginPpm)) /
            PPM;
    previous = { ...tier, cumAtoms };
    prepared.push(previous);
  }
  return prepared;
}

/** Index of the tier of a notional: the first whose bound is ≥ it (the last one beyond the cap). */
function tierIndexOf(tiers: readonly PreparedRiskTier[], notionalAtoms: bigint): number {
  assert(tiers.length > 0 && notionalAtoms >= 0n, "tierOf: tiers and a notional ≥ 0");
  const index = tiers.findIndex((tier) => notionalAtoms <= tier.maxNotionalAtoms);
  return index === -1 ? tiers.length - 1 : index;
}

/**
 * The tier of a notional: bounds are inclusive (a notional equal to a tier's max is in that
 * tier). Beyond the last bound (a short's notional grows as the price rises, past the cap it
 * opened under) the last tier continues.
 */
export function tierOf(
  tiers: readonly PreparedRiskTier[],
  notionalAtoms: bigint,
): PreparedRiskTier {
  return tiers[tierIndexOf(tiers, notionalAtoms)] as PreparedRiskTier;
}

/** Maintenance of a notional by one tier's formula: ⌈N × mmr / 10^6⌉ − cum (rounded UP). */
export function maintenanceInTierAtoms(tier: PreparedRiskTier, notionalAtoms: bigint): bigint {
  return divCeil(notionalAtoms * tier.maintenanceMarginPpm, PPM) - tier.cumAtoms;
}

/** Maintenance margin of a position of this notional, in its tier, rounded UP. */
export function maintenanceAtoms(
  tiers: readonly PreparedRiskTier[],
  notionalAtoms: bigint,
): bigint {
  return maintenanceInTierAtoms(tierOf(tiers, notionalAtoms), notionalAtoms);
}

/** Initial margin of a notional at a leverage: ⌈N / L⌉ (rounded UP). */
export function initialMarginAtoms(notionalAtoms: bigint, leverage: number): bigint {
  assert(Number.isSafeInteger(leverage) && leverage >= 1, "leverage is a whole number ≥ 1");
  return divCeil(notionalAtoms, BigInt(leverage));
}

/**
 * The loss an order opens with against the mark: a buy above the mark or a sell below it is
 * under water by the difference from the moment it fills. Counted into what an order reserves
 * and an isolated position's margin, so nobody opens a position already past its bankruptcy.
 * 0 before the contract has a mark.
 */
export function openLossAtoms(order: {
  side: "buy" | "sell";
  priceTicks: bigint;
  markTicks: bigint;
  qtyLots: bigint;
  k: bigint;
}): bigint {
  const { side, priceTicks, markTicks, qtyLots, k } = order;
  if (markTicks === 0n) return 0n;
  const gap = side === "buy" ? priceTicks - markTicks : markTicks - priceTicks;
  return gap > 0n ? gap * qtyLots * k : 0n;
}

/** Notional of a position at a price, always ≥ 0: p × |q| × k, exact. */
export function notionalAtoms(priceTicks: bigint, qtyLots: bigint, k: bigint): bigint {
  return priceTicks * abs(qtyLots) * k;
}

/** Unrealised PnL at a mark: M × qty × k − cost (signed, exact; right for both sides). */
export function unrealisedPnlAtoms(
  markTicks: bigint,
  qtyLots: bigint,
  costAtoms: bigint,
  k: bigint,
): bigint {
  return markTicks * qtyLots * k - costAtoms;
}

/**
 * The cost leaving a position reduced by `reduceLots` (0 < r ≤ |qty|): cost × r / |qty|, a
 * long's rounded UP and a short's rounded DOWN in size (toward zero), so the PnL realised now
 * is the smaller one. The rounding stays in the remaining cost; closing the rest (r = |qty|)
 * removes all of it, so a position's realised PnL sums to proceeds − cost exactly.
 */
export function reduceCost(
  qtyLots: bigint,
  costAtoms: bigint,
  reduceLots: bigint,
): { removedCostAtoms: bigint; remainingCostAtoms: bigint } {
  const size = abs(qtyLots);
  assert(reduceLots > 0n && reduceLots <= size, "reduce 0 < r ≤ |qty| lots");
  assert(sign(costAtoms) !== -sign(qtyLots), "a position's cost is signed like its quantity");
  const exact = costAtoms * reduceLots;
  const removedCostAtoms = qtyLots > 0n ? divCeil(exact, size) : exact / size;
  return { removedCostAtoms, remainingCostAtoms: costAtoms - removedCostAtoms };
}

/**
 * PnL realised by reducing a position by `reduceLots` at a trade price:
 * sign(qty) × P × r × k − removed cost (see {@link reduceCost} for the rounding).
 */
export function realisedPnlAtoms(reduction: {
  qtyLots: bigint;
  costAtoms: bigint;
  reduceLots: bigint;
  priceTicks: bigint;
  k: bigint;
}): bigint {
  const { qtyLots, costAtoms, reduceLots, priceTicks, k } = reduction;
  const { removedCostAtoms } = reduceCost(qtyLots, costAtoms, reduceLots);
  return sign(qtyLots) * priceTicks * reduceLots * k - removedCostAtoms;
}

/**
 * A position with the margin backing it: an isolated position's isolated margin, or for a
 * cross account's only position in a contract, the cross margin balance without that position's
 * unrealised PnL.
 */
export type MarginedPosition = {
  qtyLots: bigint;
  costAtoms: bigint;
  marginAtoms: bigint;
  k: bigint;
};

/** Margin balance at a mark: margin + unrealised PnL (may be negative: past bankruptcy). */
export function marginBalanceAtoms(position: MarginedPosition & { markTicks: bigint }): bigint {
  const { markTicks, qtyLots, costAtoms, k } = position;
  return position.marginAtoms + unrealisedPnlAtoms(markTicks, qtyLots, costAtoms, k);
}

/**
 * The engine's decision: the margin balance at this mark is at or below the maintenance of the
 * position's notional at this mark (integers, no rounding but maintenance's own UP). A flat
 * position has nothing to liquidate.
 */
export function isBelowMaintenance(
  position: MarginedPosition & { markTicks: bigint; tiers: readonly PreparedRiskTier[] },
): boolean {
  if (position.qtyLots === 0n) return false;
  const { markTicks, qtyLots, k, tiers } = position;
  const maintenance = maintenanceAtoms(tiers, notionalAtoms(markTicks, qtyLots, k));
  return marginBalanceAtoms(position) <= maintenance;
}

/**
 * The liquidation price in ticks, 0n when the position can never be liquidated (flat, or a long
 * whose margin covers its whole cost). It is the tick on the SAFE side of the line, exactly
 * where the engine's decision flips: for a long the HIGHEST mark at which
 * {@link isBelowMaintenance} holds, for a short the LOWEST (never below 1). Every mark at which
 * the engine would liquidate is at or past it, so an index keyed by it never misses a position,
 * and at it the exact check confirms.
 *
 * Closed form per tier: with A = margin − cost + cum_t, N = M × |q| × k and m the tier's rate,
 * `A + sign(q) × N ≤ ⌈N m / 10^6⌉` is, for integers, N(10^6 − m) < (1 − A) × 10^6 for a long
 * and N(10^6 + m) > (A − 1) × 10^6 for a short: a bound on M in each tier (m < 100 % keeps it
 * one-sided), kept where it is at or above the tier's lowest notional; the best over the tiers
 * wins. No search, no dependence on maintenance being monotone.
 */
export function liquidationPriceTicks(
  position: MarginedPosition & { tiers: readonly PreparedRiskTier[] },
): bigint {
  if (position.qtyLots === 0n) return 0n;
  return position.qtyLots > 0n ? longLiquidationTicks(position) : shortLiquidationTicks(position);
}

/**
 * The lowest tick whose notional is in tier t. A tier's formula must not be used below its
 * range: cum_t is rounded down, so there it may exceed the true maintenance by an atom. Above
 * its range no clip is needed: there every higher tier's formula is at least as large
 * (⌈N m_{t+1}⌉ − ⌈N m_t⌉ ≥ ⌊N Δm⌋ ≥ ⌊bound_t Δm⌋ for N > bound_t), so tier t's bound on M is
 * never past the true one.
 */
function lowestTickOfTier(
  tiers: readonly PreparedRiskTier[],
  index: number,
  lotNotionalAtoms: bigint,
): bigint {
  const below = tiers[index - 1];
  return below === undefined ? 0n : divCeil(below.maxNotionalAtoms + 1n, lotNotionalAtoms);
}

function longLiquidationTicks(
  position: MarginedPosition & { tiers: readonly PreparedRiskTier[] },
): bigint {
  const { qtyLots, costAtoms, marginAtoms, k, tiers } = position;
  const lotNotional = qtyLots * k; // the notional of one tick
  let best = 0n;
  for (const [index, tier] of tiers.entries()) {
    const a = marginAtoms - costAtoms + tier.cumAtoms;
    const highestLiquidated = divFloor(
      (1n - a) * PPM - 1n,
      lotNotional * (PPM - tier.maintenanceMarginPpm),
    );
    const inTier = highestLiquidated >= lowestTickOfTier(tiers, index, lotNotional);
    if (inTier && highestLiquidated > best) best = highestLiquidated;
  }
  return best;
}

function shortLiquidationTicks(
  position: MarginedPosition & { tiers: readonly PreparedRiskTier[] },
): bigint {
  const { qtyLots, costAtoms, marginAtoms, k, tiers } = position;
  const lotNotional = -qtyLots * k;
  // 0n means "never"; a short under water at any price (cross, other losses) shows 1 tick.
  let best: bigint | undefined;
  for (const [index, tier] of tiers.entries()) {
    const a = marginAtoms - costAtoms + tier.cumAtoms;
    const lowestLiquidated =
      divFloor((a - 1n) * PPM, lotNotional * (PPM + tier.maintenanceMarginPpm)) + 1n;
    const candidate = maxOf([lowestLiquidated, lowestTickOfTier(tiers, index, lotNotional), 1n]);
    if (best === undefined || candidate < best) best = candidate;
  }
  assert(best !== undefined, "a schedule has at least one tier");
  return best;
}

function maxOf(values: readonly bigint[]): bigint {
  let max = values[0] as bigint;
  for (const value of values) if (value > max) max = value;
  return max;
}

/**
 * The bankruptcy price in ticks: where the margin balance is 0 (margin + M × q × k = cost),
 * rounded so that the user's equity at it is ≥ 0 — a long's UP (⌈(cost − margin) / (q k)⌉), a
 * short's DOWN (⌊(margin + |cost|) / (|q| k)⌋). A position closed there leaves no debt; the
 * residue (< one tick of notional) goes to the insurance fund. 0n for a flat position and a long
 * that stays solvent at any price.
 */
export function bankruptcyPriceTicks(position: MarginedPosition): bigint {
  const { qtyLots, costAtoms, marginAtoms, k } = position;
  if (qtyLots === 0n) return 0n;
  const lotNotional = abs(qtyLots) * k;
  const ticks =
    qtyLots > 0n
      ? divCeil(costAtoms - marginAtoms, lotNotional)
      : divFloor(marginAtoms - costAtoms, lotNotional);
  return ticks > 0n ? ticks : 0n;
}

/**
 * Shown when the margin balance is 0 or negative (the ratio is infinite): 1000 × 100 %, as the
 * loan book shows an LTV against a worthless collateral.
 */
export const MARGIN_RATIO_NO_MARGIN_PPM = 1_000n * PPM;

/**
 * Margin ratio for display: maintenance / margin balance in ppm, rounded UP (the user sees the
 * risk no smaller than it is); ≥ 100 % means liquidation. Serves an isolated position and a
 * cross account (Σ maintenance against the account's margin balance) alike.
 */
export function marginRatioPpm(amounts: {
  maintenanceAtoms: bigint;
  marginBalanceAtoms: bigint;
}): bigint {
  const { maintenanceAtoms: maintenance, marginBalanceAtoms: balance } = amounts;
  if (balance <= 0n) return MARGIN_RATIO_NO_MARGIN_PPM;
  return divCeil(maintenance * PPM, balance);
}
