/**
 * The arithmetic of crypto-collateral loans, pure and exact: the engine decides on it, and the
 * lending domain and the web show the same numbers. Every decision is an integer
 * cross-multiplication (no division); every price shown is rounded UP, so a warning or
 * liquidation price is never below the true one (the user is warned, and the exchange
 * liquidates, no later than the line says), and interest is rounded up, in the exchange's
 * favour.
 *
 * Terms: `debt` = principal + accrued interest (loan-asset atoms); collateral value =
 * collateralAtoms × price / 10^collateralPrecision (loan-asset atoms), `price` being loan-asset
 * atoms per one whole unit of the collateral; LTV = debt / collateral value. A line L (ppm of
 * the opening price) is reached when the price has fallen to L × opening price, that is when
 * the LTV has risen to initialLtv / L (at the opening, debt = initialLtv × value).
 */

export const PPM = 1_000_000n;

/**
 * How old an index price may be (ms before the command's `ts`) for the engine to open a loan or
 * liquidate one on it.
 */
export const INDEX_MAX_AGE_MS = 30_000;

/** 10^precision as a bigint. */
export function unitAtoms(precision: number): bigint {
  return 10n ** BigInt(precision);
}

/** ⌈a / b⌉ for a ≥ 0, b > 0. */
export function divCeil(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** The collateral's value in loan-asset atoms at `priceAtoms`, rounded down. */
export function collateralValueAtoms(
  collateralAtoms: bigint,
  priceAtoms: bigint,
  collateralPrecision: number,
): bigint {
  return (collateralAtoms * priceAtoms) / unitAtoms(collateralPrecision);
}

/** The LTV in ppm, rounded up (for display; decisions use the comparisons below). */
export function ltvPpm(
  debtAtoms: bigint,
  collateralAtoms: bigint,
  priceAtoms: bigint,
  collateralPrecision: number,
): bigint {
  const value = collateralAtoms * priceAtoms;
  if (value === 0n) return debtAtoms > 0n ? PPM * 1000n : 0n;
  return divCeil(debtAtoms * unitAtoms(collateralPrecision) * PPM, value);
}

/** Whether debt / value ≤ ltvPpm / 10^6 exactly: debt × 10^cp × 10^6 ≤ ltvPpm × C × price. */
export function ltvWithin(
  debtAtoms: bigint,
  collateralAtoms: bigint,
  priceAtoms: bigint,
  collateralPrecision: number,
  ltvLimitPpm: bigint,
): boolean {
  return (
    debtAtoms * unitAtoms(collateralPrecision) * PPM <= ltvLimitPpm * collateralAtoms * priceAtoms
  );
}

/** The largest principal a collateral allows at `priceAtoms` and an initial LTV (rounded down). */
export function maxPrincipalAtoms(
  collateralAtoms: bigint,
  priceAtoms: bigint,
  collateralPrecision: number,
  initialLtvPpm: bigint,
): bigint {
  return (collateralAtoms * priceAtoms * initialLtvPpm) / (unitAtoms(collateralPrecision) * PPM);
}

/**
 * Whether the price has reached a line (L, ppm of the opening price): LTV ≥ initialLtv / L,
 * i.e. debt × 10^cp × L ≥ initialLtv × C × price. At exactly the line's price it has.
 */
export function lineReached(
  debtAtoms: bigint,
  collateralAtoms: bigint,
  priceAtoms: bigint,
  collateralPrecision: number,
  initialLtvPpm: bigint,
  linePpm: bigint,
): boolean {
  return (
    debtAtoms * unitAtoms(collateralPrecision) * linePpm >=
    initialLtvPpm * collateralAtoms * priceAtoms
  );
}

/**
 * The price at which a line is reached for the loan as it stands now:
 * debt × 10^cp × L / (initialLtv × C), rounded up. At the opening it is exactly L × the opening
 * price; repayments and added collateral lower it, accrued interest raises it.
 */
export function linePriceAtoms(
  debtAtoms: bigint,
  collateralAtoms: bigint,
  collateralPrecision: number,
  initialLtvPpm: bigint,
  linePpm: bigint,
): bigint {
  if (collateralAtoms === 0n) return 0n;
  return divCeil(
    debtAtoms * unitAtoms(collateralPrecision) * linePpm,
    initialLtvPpm * collateralAtoms,
  );
}

/** The price at which the collateral is worth exactly the debt (LTV 100 %), rounded up. */
export function bankruptcyPriceAtoms(
  debtAtoms: bigint,
  collateralAtoms: bigint,
  collateralPrecision: number,
): bigint {
  if (collateralAtoms === 0n) return 0n;
  return divCeil(debtAtoms * unitAtoms(collateralPrecision), collateralAtoms);
}

/**
 * The LTV threshold equivalent to a line, ppm: initialLtv × 10^6 / L, rounded DOWN (94.1176…%
 * shows as 941 176), for showing beside the line; the engine decides on the line itself.
 */
export function lineLtvPpm(initialLtvPpm: bigint, linePpm: bigint): bigint {
  return (initialLtvPpm * PPM) / linePpm;
}

/**
 * Interest for one period: ⌈principal × ratePpm / 10^6⌉, rounded up (in the exchange's
 * favour: a period's interest is never less than the rate says, at most one atom more).
 */
export function interestForPeriodAtoms(principalAtoms: bigint, ratePpm: bigint): bigint {
  return divCeil(principalAtoms * ratePpm, PPM);
}

/** The liquidation fee on a debt: ⌈debt × feePpm / 10^6⌉, rounded up (the exchange's favour). */
export function liquidationFeeAtoms(debtAtoms: bigint, feePpm: bigint): bigint {
  return divCeil(debtAtoms * feePpm, PPM);
}

/** The smaller of two amounts (`Math.min` takes no bigints). */
export function minAtoms(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** The larger of two amounts. */
export function maxAtoms(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
