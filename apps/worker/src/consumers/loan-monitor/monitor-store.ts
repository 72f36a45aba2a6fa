import type pg from "pg";
import type { WatchedLoan } from "./loan-watch";

/**
 * What the loan monitor reads and keeps in Postgres: its offset, the loans' terms (lines, never
 * changed after the opening), the warning states it owns, the operators' approvals, the market
 * a pair's liquidation sells on. Its decisions use the amounts of the engine's `loan.changed`
 * events; the `loans` read model gives only the loans open before its offset and their terms.
 */

export const LOAN_MONITOR_OFFSET = "loan-monitor";

type Queryable = pg.Pool | pg.PoolClient;

export async function readMonitorOffset(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ seq: string }>(
    "SELECT seq FROM projector_offsets WHERE name = $1",
    [LOAN_MONITOR_OFFSET],
  );
  return rows[0] ? Number(rows[0].seq) : 0;
}

export async function saveMonitorOffset(db: Queryable, seq: number): Promise<void> {
  await db.query(
    `INSERT INTO projector_offsets (name, seq, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, updated_at = now()
     WHERE projector_offsets.seq < excluded.seq`,
    [LOAN_MONITOR_OFFSET, seq],
  );
}

/** A loan's terms and where the read model last saw it. */
export interface LoanTerms {
  loan: WatchedLoan;
  /** Liquidation slices the read model shows sold (the engine's count wins on a refusal). */
  slices: number;
}

const TERMS_SQL = `
  SELECT l.id::text AS id, l.user_id, l.collateral_asset, l.loan_asset, lower(l.status::text) AS status,
         l.principal_atoms::text AS principal, l.interest_atoms::text AS interest,
         l.collateral_atoms::text AS collateral, l.proceeds_atoms::text AS proceeds,
         l.initial_ltv_ppm, l.liquidation_fee_ppm, v.warning_line_ppm, v.effective_liquidation_line_ppm, a.precision,
         q.precision AS loan_precision,
         coalesce(w.warned, false) AS warned,
         (SELECT count(*)::int FROM loan_events e
           WHERE e.loan_id = l.id AND e.kind = 'LIQUIDATION_SLICE') AS slices
    FROM loans l
    JOIN loan_product_versions v ON v.id = l.product_version_id
    JOIN assets a ON a.code = l.collateral_asset
    JOIN assets q ON q.code = l.loan_asset
    LEFT JOIN loan_warning_states w ON w.loan_id = l.id`;

interface TermsRow {
  id: string;
  user_id: number;
  collateral_asset: string;
  loan_asset: string;
  status: WatchedLoan["status"];
  principal: string;
  interest: string;
  collateral: string;
  proceeds: string;
  initial_ltv_ppm: number;
  liquidation_fee_ppm: number;
  warning_line_ppm: number;
  effective_liquidation_line_ppm: number;
  precision: number;
  loan_precision: number;
  warned: boolean;
  slices: number;
}

function termsOf(row: TermsRow): LoanTerms {
  return {
    slices: row.slices,
    loan: {
      loanId: row.id,
      userId: row.user_id,
      collateralAsset: row.collateral_asset,
      loanAsset: row.loan_asset,
      collateralPrecision: row.precision,
      loanPrecision: row.loan_precision,
      status: row.status,
      principalAtoms: BigInt(row.principal),
      interestAtoms: BigInt(row.interest),
      collateralAtoms: BigInt(row.collateral),
      proceedsAtoms: BigInt(row.proceeds),
      initialLtvPpm: BigInt(row.initial_ltv_ppm),
      warningLinePpm: BigInt(row.warning_line_ppm),
      liquidationLinePpm: BigInt(row.effective_liquidation_line_ppm),
      liquidationFeePpm: BigInt(row.liquidation_fee_ppm),
      warned: row.warned,
    },
  };
}

/** The open and liquidating loans, at start. */
export async function loadLiveLoans(db: Queryable): Promise<LoanTerms[]> {
  const { rows } = await db.query<TermsRow>(
    `${TERMS_SQL} WHERE l.status IN ('OPEN', 'LIQUIDATING') ORDER BY l.opened_at`,
  );
  return rows.map(termsOf);
}

/** One loan's terms, for a loan first seen in an event; null while the read model lacks it. */
export async function loadLoanTerms(db: Queryable, loanId: string): Promise<LoanTerms | null> {
  const { rows } = await db.query<TermsRow>(`${TERMS_SQL} WHERE l.id = $1::uuid`, [loanId]);
  return rows[0] ? termsOf(rows[0]) : null;
}

/**
 * Records a warning (crossing n+1) with its notification, or a re-arm, in one transaction: the
 * notification's key (`loan.warning:<loanId>:<n>`) makes it once even if this runs twice.
 */
export async function recordWarning(
  pool: pg.Pool,
  loan: WatchedLoan,
  params: Record<string, string>,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ crossings: number }>(
      `INSERT INTO loan_warning_states (loan_id, crossings, warned, updated_at)
       VALUES ($1::uuid, 1, true, now())
       ON CONFLICT (loan_id) DO UPDATE SET crossings = loan_warning_states.crossings + 1,
         warned = true, updated_at = now()
       WHERE NOT loan_warning_states.warned
       RETURNING crossings`,
      [loan.loanId],
    );
    const crossing = rows[0]?.crossings;
    if (crossing !== undefined) {
      await insertNotification(client, loan.userId, "loan.warning", params, {
        key: `loan.warning:${loan.loanId}:${crossing}`,
      });
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

export async function recordRearm(db: Queryable, loanId: string): Promise<void> {
  await db.query(
    "UPDATE loan_warning_states SET warned = false, updated_at = now() WHERE loan_id = $1::uuid",
    [loanId],
  );
}

/** A notification, mailed by the notifier's pass (`mail_pending`); once per key. */
export async function insertNotification(
  db: Queryable,
  userId: number,
  type: string,
  params: Record<string, string>,
  options: { key: string },
): Promise<void> {
  await db.query(
    `INSERT INTO notifications (user_id, type, params, event_key, mail_pending, created_at)
     VALUES ($1, $2, $3::jsonb, $4, true, now()) ON CONFLICT (event_key) DO NOTHING`,
    [userId, type, JSON.stringify(params), options.key],
  );
}

export async function isBelowBankruptcyApproved(db: Queryable, loanId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    "SELECT 1 FROM loan_liquidation_approvals WHERE loan_id = $1::uuid",
    [loanId],
  );
  return (rowCount ?? 0) > 0;
}

/** The spot market a pair's liquidation sells on, with what converting its book takes. */
export interface LiquidationMarket {
  symbol: string;
  tickSizeAtoms: bigint;
  lotSizeAtoms: bigint;
  minQtyAtoms: bigint;
  /** The least order value, quote atoms. */
  minNotionalAtoms: bigint;
  basePrecision: number;
  quotePrecision: number;
}

export async function findLiquidationMarket(
  db: Queryable,
  collateralAsset: string,
  loanAsset: string,
): Promise<LiquidationMarket | null> {
  const { rows } = await db.query<{
    symbol: string;
    tick: string;
    lot: string;
    min_qty: string;
    min_notional: string;
    bp: number;
    qp: number;
  }>(
    `SELECT m.symbol, m.price_tick::text AS tick, m.lot_size::text AS lot, m.min_qty::text AS min_qty,
            m.min_notional::text AS min_notional,
            b.precision AS bp, q.precision AS qp
       FROM markets m JOIN assets b ON b.code = m.base_asset JOIN assets q ON q.code = m.quote_asset
      WHERE m.base_asset = $1 AND m.quote_asset = $2 ORDER BY m.symbol LIMIT 1`,
    [collateralAsset, loanAsset],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    symbol: row.symbol,
    tickSizeAtoms: atomsOf(row.tick, row.qp),
    lotSizeAtoms: atomsOf(row.lot, row.bp),
    minQtyAtoms: atomsOf(row.min_qty, row.bp),
    minNotionalAtoms: atomsOf(row.min_notional, row.qp),
    basePrecision: row.bp,
    quotePrecision: row.qp,
  };
}

/** A stored decimal (NUMERIC text) as atoms of `precision` places, exactly. */
function atomsOf(text: string, precision: number): bigint {
  const [whole = "0", fraction = ""] = text.split(".");
  const kept = fraction.slice(0, precision).padEnd(precision, "0");
  return BigInt(whole) * 10n ** BigInt(precision) + BigInt(kept || "0");
}
