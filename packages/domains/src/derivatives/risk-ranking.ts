/**
 * The futures risk view's pure rules (issue 20 §8): which position is riskier, whether a funding
 * settlement balances, and the insurance fund's history merged from its two sources.
 */

/** What a position is ranked by. */
export interface RankedPosition {
  userId: number;
  symbol: string;
  /** Maintenance over margin balance, ppm; null never ranks above a figure. */
  marginRatioPpm: bigint | null;
}

/**
 * Riskiest first: the highest margin ratio (the nearest to liquidation); ties by contract, then
 * trader, so a page reads the same on every load.
 */
export function compareMarginRisk(a: RankedPosition, b: RankedPosition): number {
  const ra = a.marginRatioPpm;
  const rb = b.marginRatioPpm;
  if (ra !== rb) {
    if (ra === null) return 1;
    if (rb === null) return -1;
    return ra > rb ? -1 : 1;
  }
  if (a.symbol !== b.symbol) return a.symbol < b.symbol ? -1 : 1;
  return a.userId - b.userId;
}

/** A funding settlement's totals and the sum of its positions' lines (paid > 0, received < 0). */
export interface FundingTotals {
  paidAtoms: bigint;
  receivedAtoms: bigint;
  roundingAtoms: bigint;
  linesNetAtoms: bigint;
}

/**
 * paid − received − rounding: what the settlement created or lost (zero when it balances), and
 * whether the positions' own lines agree (they sum to paid − received, the rounding).
 */
export function fundingBalance(totals: FundingTotals): {
  imbalanceAtoms: bigint;
  linesBalance: boolean;
} {
  const imbalanceAtoms = totals.paidAtoms - totals.receivedAtoms - totals.roundingAtoms;
  return { imbalanceAtoms, linesBalance: totals.linesNetAtoms === totals.roundingAtoms };
}

/** A change of the insurance fund, from either source. */
export interface InsuranceChange {
  kind: "liquidation" | "loanShortfall";
  ref: string;
  /** > 0 into the fund, < 0 out of it. */
  amountAtoms: bigint;
  at: Date;
}

/** Both sources newest first, at most `limit`; equal times keep liquidations first, by ref. */
export function mergeInsuranceHistory<T extends InsuranceChange>(
  liquidations: readonly T[],
  shortfalls: readonly T[],
  limit: number,
): T[] {
  return [...liquidations, ...shortfalls]
    .sort((a, b) => {
      const byTime = b.at.getTime() - a.at.getTime();
      if (byTime !== 0) return byTime;
      if (a.kind !== b.kind) return a.kind === "liquidation" ? -1 : 1;
      return a.ref < b.ref ? 1 : a.ref > b.ref ? -1 : 0;
    })
    .slice(0, limit);
}
