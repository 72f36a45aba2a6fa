import { storedUnits } from "@exchange/contracts/money";
import type { Store } from "../services";
import { LOAN_SELECT, type LoanRecord, type LoanRow, loanOfRow } from "./borrowing-repository";
import type { SettlementPosting } from "./loan-risk";

/**
 * What operations' loan book reads (issue 19 part 7): live loans with their borrowers, a
 * liquidation's fills (`trades`, the slice orders named by `loan_events`), the settlement's
 * postings (`ledger_postings` at the settling command's journal position) and the shortfalls
 * the insurance account covered. Read-only: the projector and the engine write all of it.
 */

/** More live loans than this are not judged on one page (the book is sorted in memory). */
export const LOAN_BOOK_READ_MAX = 5_000;

export interface StaffLoanRecord extends LoanRecord {
  email: string;
  productVersion: number;
}

const STAFF_LOAN_SELECT = {
  ...LOAN_SELECT,
  user: { select: { email: true } },
  productVersion: { select: { ...LOAN_SELECT.productVersion.select, version: true } },
} as const;

type StaffLoanRow = LoanRow & {
  user: { email: string };
  productVersion: LoanRow["productVersion"] & { version: number };
};

function staffLoanOf(row: StaffLoanRow): StaffLoanRecord {
  return { ...loanOfRow(row), email: row.user.email, productVersion: row.productVersion.version };
}

/** Every OPEN or LIQUIDATING loan (at most {@link LOAN_BOOK_READ_MAX}), oldest first. */
export async function findLiveLoans(db: Store): Promise<StaffLoanRecord[]> {
  const rows = await db.loan.findMany({
    where: { status: { in: ["OPEN", "LIQUIDATING"] } },
    orderBy: [{ openedAt: "asc" }, { id: "asc" }],
    take: LOAN_BOOK_READ_MAX,
    select: STAFF_LOAN_SELECT,
  });
  return rows.map((row) => staffLoanOf(row as StaffLoanRow));
}

/** Any loan by id with its borrower; null when none has it (a PENDING one included). */
export async function findStaffLoan(db: Store, id: string): Promise<StaffLoanRecord | null> {
  const row = await db.loan.findUnique({ where: { id }, select: STAFF_LOAN_SELECT });
  return row ? staffLoanOf(row as StaffLoanRow) : null;
}

/** The operators' approvals to sell below bankruptcy, of the loans given, with who gave them. */
export async function findApprovals(
  db: Store,
  loanIds: readonly string[],
): Promise<Map<string, { approvedAt: Date; approvedBy: string | null }>> {
  if (loanIds.length === 0) return new Map();
  const rows = await db.$queryRaw<
    Array<{ loan_id: string; approved_at: Date; email: string | null }>
  >`
    SELECT a.loan_id::text AS loan_id, a.approved_at, s.email
      FROM loan_liquidation_approvals a
      LEFT JOIN staff s ON s.id = a.approved_by_staff_id
     WHERE a.loan_id::text = ANY(${[...loanIds]}::text[])`;
  return new Map(
    rows.map((r) => [r.loan_id, { approvedAt: r.approved_at, approvedBy: r.email }] as const),
  );
}

/** One fill of a liquidation slice: the borrower's IOC sell is always the taker. */
export interface SliceFillRecord {
  orderId: number;
  tradeId: number;
  symbol: string;
  priceTicks: bigint;
  qtyLots: bigint;
  quoteAtoms: bigint;
  feeAtoms: bigint;
  feeAsset: string;
  executedAt: Date;
}

/** Every fill of the given slice orders, in the order they executed. */
export async function findSliceFills(
  db: Store,
  orderIds: readonly number[],
): Promise<SliceFillRecord[]> {
  if (orderIds.length === 0) return [];
  const rows = await db.trade.findMany({
    where: { takerOrderId: { in: [...orderIds] } },
    orderBy: { tradeId: "asc" },
    select: {
      tradeId: true,
      symbol: true,
      priceTicks: true,
      qtyLots: true,
      quoteAtoms: true,
      takerOrderId: true,
      takerFeeAtoms: true,
      takerFeeAsset: true,
      executedAt: true,
    },
  });
  return rows.map((r) => ({
    orderId: r.takerOrderId,
    tradeId: r.tradeId,
    symbol: r.symbol,
    priceTicks: storedUnits(r.priceTicks),
    qtyLots: storedUnits(r.qtyLots),
    quoteAtoms: storedUnits(r.quoteAtoms),
    feeAtoms: storedUnits(r.takerFeeAtoms),
    feeAsset: r.takerFeeAsset,
    executedAt: r.executedAt,
  }));
}

/**
 * The settlement's postings of a liquidated loan: the last balance change of the settling
 * command before the loan's final `loan.changed` (the projector keys that history line by its
 * journal position, `journal:<seq>:<eventIndex>`). Empty before the loan is settled.
 */
export async function findSettlementPostings(
  db: Store,
  loanId: string,
): Promise<SettlementPosting[]> {
  const rows = await db.$queryRaw<
    Array<{ user_id: number; account: string; asset: string; amount: string }>
  >`
    WITH settled AS (
      SELECT split_part(event_key, ':', 2)::bigint AS seq,
             split_part(event_key, ':', 3)::int AS event_index
        FROM loan_events
       WHERE loan_id = ${loanId}::uuid AND kind = 'LIQUIDATED' AND event_key LIKE 'journal:%'
       LIMIT 1
    ), settling AS (
      SELECT s.seq, max(p.event_index) AS event_index
        FROM settled s JOIN ledger_postings p ON p.seq = s.seq AND p.event_index < s.event_index
       GROUP BY s.seq
    )
    SELECT p.user_id, p.account, p.asset, p.amount_atoms::text AS amount
      FROM settling s
      JOIN ledger_postings p ON p.seq = s.seq AND p.event_index = s.event_index
     ORDER BY p.posting_index`;
  return rows.map((r) => ({
    userId: r.user_id,
    account: r.account,
    asset: r.asset,
    amountAtoms: BigInt(r.amount),
  }));
}

/** A shortfall the insurance account paid when a liquidation settled. */
export interface InsuranceCoverRecord {
  loanId: string;
  asset: string;
  userId: number;
  email: string;
  at: Date;
  shortfallAtoms: bigint;
}

/** The insurance account's balance of each asset it has one in (user 0, as projected). */
export async function findInsuranceBalances(
  db: Store,
): Promise<Array<{ asset: string; precision: number; balanceAtoms: bigint }>> {
  const rows = await db.$queryRaw<Array<{ asset: string; precision: number; balance: string }>>`
    SELECT b.asset, a.precision, b.balance_atoms::text AS balance
      FROM account_balances b JOIN assets a ON a.code = b.asset
     WHERE b.user_id = 0 AND b.account = 'insurance'
     ORDER BY b.asset`;
  return rows.map((r) => ({
    asset: r.asset,
    precision: r.precision,
    balanceAtoms: BigInt(r.balance),
  }));
}

/** The most recent shortfalls the insurance account covered (at most `limit`), newest first. */
export async function findInsuranceCovers(
  db: Store,
  limit: number,
): Promise<InsuranceCoverRecord[]> {
  const rows = await db.$queryRaw<
    Array<{
      loan_id: string;
      asset: string;
      user_id: number;
      email: string;
      at: Date;
      shortfall: string;
    }>
  >`
    SELECT e.loan_id::text AS loan_id, l.loan_asset AS asset, l.user_id, u.email, e.at,
           (-sum(p.amount_atoms))::text AS shortfall
      FROM loan_events e
      JOIN loans l ON l.id = e.loan_id
      JOIN users u ON u.id = l.user_id
      JOIN ledger_postings p
        ON p.seq = split_part(e.event_key, ':', 2)::bigint
       AND p.user_id = 0 AND p.account = 'insurance' AND p.asset = l.loan_asset
       AND p.amount_atoms < 0
     WHERE e.kind = 'LIQUIDATED' AND e.event_key LIKE 'journal:%'
     GROUP BY e.loan_id, l.loan_asset, l.user_id, u.email, e.at
     ORDER BY e.at DESC, e.loan_id
     LIMIT ${limit}`;
  return rows.map((r) => ({
    loanId: r.loan_id,
    asset: r.asset,
    userId: r.user_id,
    email: r.email,
    at: r.at,
    shortfallAtoms: BigInt(r.shortfall),
  }));
}

/** Per asset, how many liquidations insurance paid a shortfall of, and how much in all. */
export async function findInsuranceCoverTotals(
  db: Store,
): Promise<Map<string, { count: number; totalAtoms: bigint }>> {
  const rows = await db.$queryRaw<Array<{ asset: string; count: number; total: string }>>`
    SELECT p.asset, count(DISTINCT e.loan_id)::int AS count, (-sum(p.amount_atoms))::text AS total
      FROM loan_events e
      JOIN loans l ON l.id = e.loan_id
      JOIN ledger_postings p
        ON p.seq = split_part(e.event_key, ':', 2)::bigint
       AND p.user_id = 0 AND p.account = 'insurance' AND p.asset = l.loan_asset
       AND p.amount_atoms < 0
     WHERE e.kind = 'LIQUIDATED' AND e.event_key LIKE 'journal:%'
     GROUP BY p.asset`;
  return new Map(
    rows.map((r) => [r.asset, { count: r.count, totalAtoms: BigInt(r.total) }] as const),
  );
}
