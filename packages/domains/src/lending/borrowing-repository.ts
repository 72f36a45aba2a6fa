import { storedUnits } from "@exchange/contracts/money";
import type { Store } from "../services";

/**
 * The borrowing repository: the only code that writes `loans` outside the projector (the PENDING
 * row a borrow records before its loan.open) and what the borrower's pages read of loans, their
 * history, the latest index and the borrower's balances. Rows come back as plain values.
 */

export interface LoanRecord {
  id: string;
  userId: number;
  productVersionId: number;
  productName: string;
  collateralAsset: string;
  loanAsset: string;
  principalAtoms: bigint;
  interestAtoms: bigint;
  collateralAtoms: bigint;
  proceedsAtoms: bigint;
  initialLtvPpm: number;
  warningLtvPpm: number;
  liquidationLtvPpm: number;
  /** The version's lines (ppm of the opening price), for the prices shown. */
  warningLinePpm: number;
  effectiveLiquidationLinePpm: number;
  liquidationFeePpm: number;
  status: "PENDING" | "OPEN" | "LIQUIDATING" | "CLOSED" | "LIQUIDATED";
  openedAt: Date;
  maturesAt: Date | null;
  closedAt: Date | null;
}

/** What a loan's record selects (the staff's loan book adds the borrower to it). */
export const LOAN_SELECT = {
  id: true,
  userId: true,
  productVersionId: true,
  collateralAsset: true,
  loanAsset: true,
  principalAtoms: true,
  interestAtoms: true,
  collateralAtoms: true,
  proceedsAtoms: true,
  initialLtvPpm: true,
  warningLtvPpm: true,
  liquidationLtvPpm: true,
  liquidationFeePpm: true,
  status: true,
  openedAt: true,
  maturesAt: true,
  closedAt: true,
  productVersion: {
    select: { name: true, warningLinePpm: true, effectiveLiquidationLinePpm: true },
  },
} as const;

export type LoanRow = {
  id: string;
  userId: number;
  productVersionId: number;
  collateralAsset: string;
  loanAsset: string;
  principalAtoms: { toFixed(): string };
  interestAtoms: { toFixed(): string };
  collateralAtoms: { toFixed(): string };
  proceedsAtoms: { toFixed(): string };
  initialLtvPpm: number;
  warningLtvPpm: number;
  liquidationLtvPpm: number;
  liquidationFeePpm: number;
  status: LoanRecord["status"];
  openedAt: Date;
  maturesAt: Date | null;
  closedAt: Date | null;
  productVersion: { name: string; warningLinePpm: number; effectiveLiquidationLinePpm: number };
};

export function loanOfRow(row: LoanRow): LoanRecord {
  return {
    id: row.id,
    userId: row.userId,
    productVersionId: row.productVersionId,
    productName: row.productVersion.name,
    collateralAsset: row.collateralAsset,
    loanAsset: row.loanAsset,
    principalAtoms: storedUnits(row.principalAtoms),
    interestAtoms: storedUnits(row.interestAtoms),
    collateralAtoms: storedUnits(row.collateralAtoms),
    proceedsAtoms: storedUnits(row.proceedsAtoms),
    initialLtvPpm: row.initialLtvPpm,
    warningLtvPpm: row.warningLtvPpm,
    liquidationLtvPpm: row.liquidationLtvPpm,
    warningLinePpm: row.productVersion.warningLinePpm,
    effectiveLiquidationLinePpm: row.productVersion.effectiveLiquidationLinePpm,
    liquidationFeePpm: row.liquidationFeePpm,
    status: row.status,
    openedAt: row.openedAt,
    maturesAt: row.maturesAt,
    closedAt: row.closedAt,
  };
}

/** What a borrow records before its command: the engine's loan.changed fills in the rest. */
export interface PendingLoan {
  id: string;
  userId: number;
  requestKey: string;
  productVersionId: number;
  collateralAsset: string;
  loanAsset: string;
  principalAtoms: bigint;
  collateralAtoms: bigint;
  initialLtvPpm: number;
  warningLtvPpm: number;
  liquidationLtvPpm: number;
  liquidationFeePpm: number;
  openedAt: Date;
  maturesAt: Date | null;
}

export async function insertPendingLoan(db: Store, loan: PendingLoan): Promise<void> {
  await db.loan.create({
    data: {
      ...loan,
      principalAtoms: loan.principalAtoms.toString(),
      collateralAtoms: loan.collateralAtoms.toString(),
      status: "PENDING",
    },
  });
}

/** The engine took the loan: OPEN (the projector may have said so first; it never goes back). */
export async function markLoanOpen(db: Store, id: string): Promise<void> {
  await db.loan.updateMany({ where: { id, status: "PENDING" }, data: { status: "OPEN" } });
}

/** The engine refused the loan: nothing moved, so nothing is kept. */
export async function dropPendingLoan(db: Store, id: string): Promise<void> {
  await db.loan.deleteMany({ where: { id, status: "PENDING" } });
}

/** Loans still PENDING that were opened before `before` (a crash or timeout left them). */
export async function findStalePendingLoans(db: Store, before: Date): Promise<LoanRecord[]> {
  const rows = await db.loan.findMany({
    where: { status: "PENDING", openedAt: { lt: before } },
    select: LOAN_SELECT,
    orderBy: { openedAt: "asc" },
    take: 500,
  });
  return rows.map((row) => loanOfRow(row as LoanRow));
}

export async function findLoanByRequestKey(
  db: Store,
  userId: number,
  requestKey: string,
): Promise<LoanRecord | null> {
  const row = await db.loan.findUnique({
    where: { userId_requestKey: { userId, requestKey } },
    select: LOAN_SELECT,
  });
  return row ? loanOfRow(row as LoanRow) : null;
}

/** A loan of `userId`'s (null for another user's: not found, never forbidden). */
export async function findUserLoan(
  db: Store,
  userId: number,
  id: string,
): Promise<LoanRecord | null> {
  const row = await db.loan.findFirst({ where: { id, userId }, select: LOAN_SELECT });
  return row ? loanOfRow(row as LoanRow) : null;
}

/** The borrower's loans, newest first (at most 100: the page lists them all). */
export async function findUserLoans(db: Store, userId: number): Promise<LoanRecord[]> {
  const rows = await db.loan.findMany({
    where: { userId },
    orderBy: { openedAt: "desc" },
    take: 100,
    select: LOAN_SELECT,
  });
  return rows.map((row) => loanOfRow(row as LoanRow));
}

export interface LoanEventRecord {
  kind: string;
  /** The journal's position of the step (`journal:<seq>:<eventIndex>`). */
  eventKey: string;
  at: Date;
  principalAtoms: bigint;
  interestAtoms: bigint;
  collateralAtoms: bigint;
  proceedsAtoms: bigint;
  orderId: number | null;
}

/** A loan's history in the order it happened (each line the loan's state after the step). */
export async function findLoanEvents(db: Store, loanId: string): Promise<LoanEventRecord[]> {
  const rows = await db.loanEvent.findMany({
    where: { loanId },
    // The journal's time orders the steps; a row's id is only the order it was written in.
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take: 1000,
  });
  const units = (v: { toFixed(): string } | null) => (v === null ? 0n : storedUnits(v));
  return rows.map((r) => ({
    kind: r.kind,
    eventKey: r.eventKey,
    at: r.at,
    principalAtoms: units(r.principalAtoms),
    interestAtoms: units(r.interestAtoms),
    collateralAtoms: units(r.collateralAtoms),
    proceedsAtoms: units(r.proceedsAtoms),
    orderId: r.orderId === null ? null : Number(r.orderId),
  }));
}

/**
 * What one command left in the user's available balance of each asset: the sum of its
 * postings there. Of the settling slice's command this is what the settlement gave back (the
 * slice's own sale and the move of its proceeds to the loan cancel out).
 */
export async function findNetAvailableChanges(
  db: Store,
  userId: number,
  seq: bigint,
): Promise<Map<string, bigint>> {
  const rows = await db.ledgerPosting.groupBy({
    by: ["asset"],
    where: { seq, userId, account: "available" },
    _sum: { amountAtoms: true },
  });
  return new Map(
    rows.map((r) => [r.asset, r._sum.amountAtoms === null ? 0n : storedUnits(r._sum.amountAtoms)]),
  );
}

/** The latest recorded index of `asset` in `quote`, or null before the first sample. */
export async function findLatestIndex(
  db: Store,
  asset: string,
  quote: string,
): Promise<{ priceAtoms: bigint; at: Date } | null> {
  const row = await db.indexPrice.findFirst({
    where: { asset, quote },
    orderBy: { at: "desc" },
    select: { priceAtoms: true, at: true },
  });
  return row ? { priceAtoms: storedUnits(row.priceAtoms), at: row.at } : null;
}

/** The user's available balance of `asset` as last projected. */
export async function findAvailableBalance(
  db: Store,
  userId: number,
  asset: string,
): Promise<bigint> {
  const row = await db.accountBalance.findUnique({
    where: { userId_account_asset: { userId, account: "available", asset } },
    select: { balanceAtoms: true },
  });
  return row ? storedUnits(row.balanceAtoms) : 0n;
}
