import {
  bankruptcyPriceAtoms,
  interestForPeriodAtoms,
  linePriceAtoms,
  ltvPpm,
  maxPrincipalAtoms,
} from "@exchange/core";
import type { StoredLoanTerms } from "./product-contracts";

/**
 * The numbers a borrower sees before confirming, from core's loan math (the engine decides with
 * the same functions): pure, bigint atoms throughout. Prices shown are rounded UP (a warning or
 * liquidation price is never shown lower than the true one), the most borrowable DOWN.
 */

export interface QuoteTerms
  extends Pick<
    StoredLoanTerms,
    | "initialLtvPpm"
    | "warningLinePpm"
    | "effectiveLiquidationLinePpm"
    | "interestPeriod"
    | "ratePpm"
    | "termDays"
  > {}

export interface LoanFigures {
  maxPrincipalAtoms: bigint;
  ltvPpm: bigint;
  warningPriceAtoms: bigint;
  liquidationPriceAtoms: bigint;
  bankruptcyPriceAtoms: bigint;
  interestPerPeriodAtoms: bigint;
  /** Every period of the term charged at the principal; null for an open-ended loan. */
  interestForTermAtoms: bigint | null;
}

/** How many interest periods a term of `termDays` has (a DAY is 24 h of loan life). */
export function periodsInTerm(terms: Pick<QuoteTerms, "interestPeriod" | "termDays">) {
  if (terms.termDays === null) return null;
  return BigInt(terms.termDays) * (terms.interestPeriod === "HOUR" ? 24n : 1n);
}

/** A loan of `principalAtoms` against `collateralAtoms` at the index `priceAtoms`. */
export function loanFigures(
  terms: QuoteTerms,
  collateralPrecision: number,
  collateralAtoms: bigint,
  principalAtoms: bigint,
  priceAtoms: bigint,
): LoanFigures {
  const initial = BigInt(terms.initialLtvPpm);
  const perPeriod = interestForPeriodAtoms(principalAtoms, BigInt(terms.ratePpm));
  const periods = periodsInTerm(terms);
  const line = (linePpm: number) =>
    linePriceAtoms(principalAtoms, collateralAtoms, collateralPrecision, initial, BigInt(linePpm));
  return {
    maxPrincipalAtoms: maxPrincipalAtoms(collateralAtoms, priceAtoms, collateralPrecision, initial),
    ltvPpm: ltvPpm(principalAtoms, collateralAtoms, priceAtoms, collateralPrecision),
    warningPriceAtoms: line(terms.warningLinePpm),
    liquidationPriceAtoms: line(terms.effectiveLiquidationLinePpm),
    bankruptcyPriceAtoms: bankruptcyPriceAtoms(
      principalAtoms,
      collateralAtoms,
      collateralPrecision,
    ),
    interestPerPeriodAtoms: perPeriod,
    interestForTermAtoms: periods === null ? null : perPeriod * periods,
  };
}
