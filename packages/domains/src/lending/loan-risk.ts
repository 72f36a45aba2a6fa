import {
  bankruptcyPriceAtoms,
  liquidationFeeAtoms as feeOnDebt,
  linePriceAtoms,
  ltvPpm,
  PPM,
} from "@exchange/core";

/**
 * Operations' view of the loan book (issue 19 part 7), pure: each live loan's LTV at the latest
 * index, the prices of its lines, how far the index may still fall before each line, and the
 * order of risk; a settled liquidation's split from the engine's own postings. Bigint atoms
 * throughout, core's loan math for every figure (the engine decides with the same functions).
 */

/** What a live loan's figures are computed from (atoms of the loan and collateral assets). */
export interface RiskInputs {
  principalAtoms: bigint;
  interestAtoms: bigint;
  collateralAtoms: bigint;
  /** A liquidation's proceeds held so far: they already pay part of the debt. */
  proceedsAtoms: bigint;
  collateralPrecision: number;
  initialLtvPpm: number;
  /** The version's lines, ppm of the opening price. */
  warningLinePpm: number;
  effectiveLiquidationLinePpm: number;
  /** The latest recorded index (loan atoms per whole collateral unit); null before the first. */
  indexPriceAtoms: bigint | null;
}

export interface RiskFigures {
  debtAtoms: bigint;
  /** What the collateral must still pay: debt less the proceeds held (never below zero). */
  owedAtoms: bigint;
  /** LTV of what is owed at the index, rounded up; null without an index or collateral. */
  ltvPpm: bigint | null;
  warningPriceAtoms: bigint;
  liquidationPriceAtoms: bigint;
  bankruptcyPriceAtoms: bigint;
  /**
   * How far the index may fall before the line, as ppm of the index (150 000 = 15 %); negative
   * once the index is past it; null without an index.
   */
  warningDistancePpm: bigint | null;
  liquidationDistancePpm: bigint | null;
}

/** (index − line) / index in ppm, truncated toward zero (a figure to read, not money). */
export function distancePpm(indexPriceAtoms: bigint, linePriceAtoms: bigint): bigint {
  return ((indexPriceAtoms - linePriceAtoms) * PPM) / indexPriceAtoms;
}

/**
 * A live loan's figures. An open loan owes its debt; a liquidating one owes the debt less what
 * its slices have brought in, so its LTV and bankruptcy price are those the monitor's next
 * slice works from. The lines' prices are of the whole debt, as the borrower's page shows them.
 */
export function loanRiskFigures(i: RiskInputs): RiskFigures {
  const debt = i.principalAtoms + i.interestAtoms;
  const owed = debt > i.proceedsAtoms ? debt - i.proceedsAtoms : 0n;
  const C = i.collateralAtoms;
  const cp = i.collateralPrecision;
  const line = (linePpm: number) =>
    linePriceAtoms(debt, C, cp, BigInt(i.initialLtvPpm), BigInt(linePpm));
  const warningPrice = line(i.warningLinePpm);
  const liquidationPrice = line(i.effectiveLiquidationLinePpm);
  const index = i.indexPriceAtoms !== null && i.indexPriceAtoms > 0n ? i.indexPriceAtoms : null;
  return {
    debtAtoms: debt,
    owedAtoms: owed,
    ltvPpm: index !== null && C > 0n ? ltvPpm(owed, C, index, cp) : null,
    warningPriceAtoms: warningPrice,
    liquidationPriceAtoms: liquidationPrice,
    bankruptcyPriceAtoms: bankruptcyPriceAtoms(owed, C, cp),
    warningDistancePpm: index === null ? null : distancePpm(index, warningPrice),
    liquidationDistancePpm: index === null ? null : distancePpm(index, liquidationPrice),
  };
}

/** What the risk order compares: a loan's LTV now, how near its liquidation line, its age. */
export interface RiskRanked {
  ltvPpm: bigint | null;
  liquidationDistancePpm: bigint | null;
  openedAt: Date;
  id: string;
}

/**
 * Highest risk first: liquidating loans (they are past the line, whatever the LTV says now),
 * then the highest LTV, then the nearest liquidation line, then the oldest; a loan without an
 * index (no LTV to judge) last. A total order, so the page never reshuffles equal rows.
 */
export function compareRisk(
  a: RiskRanked & { status: string },
  b: RiskRanked & { status: string },
): number {
  const liquidating = Number(b.status === "LIQUIDATING") - Number(a.status === "LIQUIDATING");
  if (liquidating !== 0) return liquidating;
  const ltv = compareDesc(a.ltvPpm, b.ltvPpm);
  if (ltv !== 0) return ltv;
  const near = compareDesc(
    a.liquidationDistancePpm === null ? null : -a.liquidationDistancePpm,
    b.liquidationDistancePpm === null ? null : -b.liquidationDistancePpm,
  );
  if (near !== 0) return near;
  const age = a.openedAt.getTime() - b.openedAt.getTime();
  if (age !== 0) return age;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Larger first, null after every number. */
function compareDesc(a: bigint | null, b: bigint | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a > b ? -1 : 1;
}

/** One posting of the settling command's last balance change (the settlement's). */
export interface SettlementPosting {
  userId: number;
  account: string;
  asset: string;
  amountAtoms: bigint;
}

export interface Settlement {
  /** Interest and principal the proceeds could not pay, taken from the insurance account. */
  shortfallAtoms: bigint;
  /** Proceeds left after the debt and the fee, credited to the borrower. */
  surplusAtoms: bigint;
  /** Collateral the sale did not need, back in the borrower's available balance. */
  collateralReturnedAtoms: bigint;
  /** The liquidation fee the proceeds paid (at most the product's fee on the debt). */
  feeAtoms: bigint;
  /** The fee the product's terms set on the debt (what a full sale pays). */
  feeDueAtoms: bigint;
}

/**
 * A settled liquidation's split, read from the engine's postings of the settlement (the last
 * `balance.changed` before the loan's final `loan.changed`): the insurance account's debit is
 * the shortfall, the borrower's credits the surplus and the collateral returned; `loanIncome`
 * receives the interest (from the proceeds or insurance) and the fee, so the fee is its credit
 * less the interest owed.
 */
export function settlementOf(
  postings: readonly SettlementPosting[],
  loan: {
    userId: number;
    collateralAsset: string;
    loanAsset: string;
    /** Principal and interest as the liquidation left them before settling. */
    principalAtoms: bigint;
    interestAtoms: bigint;
    liquidationFeePpm: number;
  },
): Settlement {
  const sum = (keep: (p: SettlementPosting) => boolean) =>
    postings.filter(keep).reduce((total, p) => total + p.amountAtoms, 0n);
  const system = (account: string) => (p: SettlementPosting) =>
    p.userId === 0 && p.account === account && p.asset === loan.loanAsset;
  const credited = (asset: string) => (p: SettlementPosting) =>
    p.userId === loan.userId && p.asset === asset && p.amountAtoms > 0n;
  const income = sum((p) => system("loanIncome")(p) && p.amountAtoms > 0n);
  const fee = income - loan.interestAtoms;
  return {
    shortfallAtoms: -sum((p) => system("insurance")(p) && p.amountAtoms < 0n),
    surplusAtoms: sum(credited(loan.loanAsset)),
    collateralReturnedAtoms: sum(credited(loan.collateralAsset)),
    feeAtoms: fee > 0n ? fee : 0n,
    feeDueAtoms: feeOnDebt(
      loan.principalAtoms + loan.interestAtoms,
      BigInt(loan.liquidationFeePpm),
    ),
  };
}
