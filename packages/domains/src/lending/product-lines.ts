import { formatUnits, parseUnits } from "@exchange/contracts/money";
import { divCeil, PPM } from "@exchange/core";

/**
 * The line math of a loan product (seed 004 借贷), pure: no clock, no database. The arithmetic
 * is core's loan math (packages/core/src/modules/lending/loan-math.ts), which the engine uses. Ratios are
 * millionths of one (ppm): 80 % = 800 000. The seed states the warning and liquidation lines as
 * fractions of the opening price; a loan watches the LTV they amount to. With an initial LTV of
 * 80 % and a warning line of 85 %, a loan opened at 30 000 warns at 25 500, which is the LTV
 * 80 / 85 = 94.1176… %.
 *
 * Rounding is always against the borrower, so what the exchange shows is never later than what
 * acts: an equivalent LTV is rounded UP (the threshold the engine compares is the same ceil, see
 * lending-design: warningLtvPpm = ceil(initial × 10^6 / line)), a line's price is rounded UP.
 */

export { PPM };

/** Decimals of a percent string: one ppm is 0.0001 %. */
export const PERCENT_DECIMALS = 4;

/** "80" → 800 000; "94.1177" → 941 177. Throws the money module's UnitsError beyond 4 decimals. */
export function percentToPpm(percent: string): number {
  return Number(parseUnits(percent, PERCENT_DECIMALS));
}

/** 800 000 → "80"; 941 177 → "94.1177". */
export function ppmToPercent(ppm: number): string {
  return formatUnits(BigInt(ppm), PERCENT_DECIMALS);
}

/**
 * The LTV at which a line is crossed: initial LTV / line, in ppm, rounded up.
 * 800 000 / 850 000 → 941 177; / 830 000 → 963 856; / 820 000 → 975 610.
 */
export function equivalentLtvPpm(initialLtvPpm: number, linePpm: number): number {
  if (linePpm <= 0) throw new RangeError("a line is a positive share of the opening price");
  return Number(divCeil(BigInt(initialLtvPpm) * PPM, BigInt(linePpm)));
}

/**
 * The price of a line for a loan opened at `referencePriceAtoms` (quote atoms per whole unit of
 * collateral): reference × line, rounded up to a whole atom. 30 000 × 85 % → 25 500.
 */
export function linePriceAtoms(referencePriceAtoms: bigint, linePpm: number): bigint {
  if (referencePriceAtoms < 0n) throw new RangeError("a price is not negative");
  return divCeil(referencePriceAtoms * BigInt(linePpm), PPM);
}

/**
 * What a product lends against one whole unit of collateral at a price: price × initial LTV,
 * rounded DOWN (never more than the LTV allows). 30 000 × 80 % → 24 000.
 */
export function borrowableAtoms(referencePriceAtoms: bigint, initialLtvPpm: number): bigint {
  return (referencePriceAtoms * BigInt(initialLtvPpm)) / PPM;
}

/** A product's lines, as the seed states them, in ppm. */
export interface ProductLines {
  initialLtvPpm: number;
  warningLinePpm: number;
  liquidationLinePpm: number;
  effectiveLiquidationLinePpm: number;
}

/**
 * Why lines cannot stand, field by field (empty when they can). The lines are fractions of the
 * opening price, so from the top: 100 % > warning > liquidation ≥ effective > initial LTV > 0 —
 * a warning comes before the liquidation, the effective line may be looser (lower) than the
 * stated one but never looser than opening, or a loan would be liquidatable when it opens.
 */
export function lineProblems(lines: ProductLines): Record<string, string> {
  const problems: Record<string, string> = {};
  if (lines.initialLtvPpm <= 0) problems.initialLtvPercent = "The initial LTV must be above 0.";
  if (lines.warningLinePpm >= Number(PPM)) {
    problems.warningLinePercent = "The warning line is below 100 % of the opening price.";
  } else if (lines.warningLinePpm <= lines.liquidationLinePpm) {
    problems.warningLinePercent = "The warning line must be above the liquidation line.";
  }
  if (lines.effectiveLiquidationLinePpm > lines.liquidationLinePpm) {
    problems.effectiveLiquidationLinePercent =
      "The effective liquidation line cannot be above the stated one (it may only be looser).";
  } else if (lines.effectiveLiquidationLinePpm <= lines.initialLtvPpm) {
    problems.effectiveLiquidationLinePercent =
      "The effective liquidation line must be above the initial LTV, or a new loan could be liquidated at once.";
  }
  return problems;
}
