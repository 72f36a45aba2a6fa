import type { Store, Tx } from "../services";

/**
 * What the loan pool page reads: the engine's `loan` and `insurance` accounts per asset (as the
 * projector left them in `account_balances`, user 0) and the loans read model's outstanding
 * principal and interest. Read-only; the engine and the loans projection write these rows.
 */

export interface LoanPoolFigures {
  asset: string;
  precision: number;
  poolAtoms: bigint;
  insuranceAtoms: bigint;
  outstandingAtoms: bigint;
  interestAtoms: bigint;
}

/** One row per loan asset of a product, or with a `loan` account, in code order. */
export async function findLoanPoolFigures(db: Store): Promise<LoanPoolFigures[]> {
  const rows = await db.$queryRaw<
    Array<{
      asset: string;
      precision: number;
      pool: string;
      insurance: string;
      outstanding: string;
      interest: string;
    }>
  >`
    WITH accounts AS (
      SELECT asset,
             sum(balance_atoms) FILTER (WHERE account = 'loan') AS pool,
             sum(balance_atoms) FILTER (WHERE account = 'insurance') AS insurance
        FROM account_balances
       WHERE user_id = 0 AND account IN ('loan', 'insurance')
       GROUP BY asset
    ), lent AS (
      SELECT loan_asset AS asset, sum(principal_atoms) AS outstanding, sum(interest_atoms) AS interest
        FROM loans WHERE status IN ('OPEN', 'LIQUIDATING') GROUP BY loan_asset
    ), codes AS (
      SELECT loan_asset AS asset FROM loan_products
      UNION SELECT asset FROM accounts WHERE pool IS NOT NULL AND pool <> 0
      UNION SELECT asset FROM lent
    )
    SELECT c.asset, a.precision,
           coalesce(ac.pool, 0)::text AS pool,
           coalesce(ac.insurance, 0)::text AS insurance,
           coalesce(l.outstanding, 0)::text AS outstanding,
           coalesce(l.interest, 0)::text AS interest
      FROM codes c
      JOIN assets a ON a.code = c.asset
      LEFT JOIN accounts ac ON ac.asset = c.asset
      LEFT JOIN lent l ON l.asset = c.asset
     ORDER BY c.asset`;
  return rows.map((row) => ({
    asset: row.asset,
    precision: row.precision,
    poolAtoms: BigInt(row.pool),
    insuranceAtoms: BigInt(row.insurance),
    outstandingAtoms: BigInt(row.outstanding),
    interestAtoms: BigInt(row.interest),
  }));
}

/** The pool of `asset` as last projected (0 before any transfer). */
export async function findPoolBalance(db: Store, asset: string): Promise<bigint> {
  const row = await db.accountBalance.findUnique({
    where: { userId_account_asset: { userId: 0, account: "loan", asset } },
    select: { balanceAtoms: true },
  });
  return row ? BigInt(row.balanceAtoms.toFixed()) : 0n;
}

/** Whether some product lends `asset` (a pool is funded only for what is lent). */
export async function isLoanAsset(db: Store, asset: string): Promise<boolean> {
  return (await db.loanProduct.count({ where: { loanAsset: asset } })) > 0;
}

/** The decimals of `asset`; null when no asset has the code. */
export async function findAssetPrecision(db: Store, asset: string): Promise<number | null> {
  const row = await db.asset.findUnique({ where: { code: asset }, select: { precision: true } });
  return row?.precision ?? null;
}

/**
 * Takes the request's lock for the rest of the transaction and says whether its move was already
 * audited: a resent request is answered by the engine with its first verdict, so the record is
 * written by whichever send finds none.
 */
export async function lockPoolMoveRecord(tx: Tx, requestId: string): Promise<boolean> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`lending.pool:${requestId}`}))`;
  return poolMoveRecorded(tx, requestId);
}

/** Whether the move of `requestId` was audited (it was carried out). */
export async function poolMoveRecorded(db: Store, requestId: string): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ found: number }>>`
    SELECT 1 AS found FROM audit_log
     WHERE target_type = 'loan_pool' AND after->>'requestId' = ${requestId} LIMIT 1`;
  return rows.length > 0;
}
