import { decimalToUnits } from "@exchange/contracts/money";
import type { Db } from "@exchange/db";
import type { Store } from "../services";
import { type Day, dateOfDay } from "./repayment-schedule";

/**
 * The payout runs' repository: the only code that writes `savings_payout_runs`, and the payout's
 * moves of `savings_plans` (PENDING → PAID or CANCELLED) and of a subscription to MATURED.
 * Every move is a compare-and-set on the row's state, so a run twice, two runs at once, or a
 * rerun after a crash leave each plan paid once and keep the first run that paid it. Days are
 * "YYYY-MM-DD" (UTC) and go to the DATE columns as such; NUMERIC atoms come back as bigint.
 */

/** Who started a run: the daily job, or operations for a date. */
export type PayoutTrigger = "schedule" | "operations";

/** A plan the run is to pay, with what the engine's command needs. */
export interface DuePlan {
  id: string;
  subscriptionId: string;
  seq: number;
  dueDate: Day;
  assetCode: string;
  interestAtoms: bigint;
  principalAtoms: bigint;
}

/** Where the keyset walk over due plans stands: the last plan handed out. */
export type DuePlanCursor = Pick<DuePlan, "dueDate" | "subscriptionId" | "seq">;

/** Opens a run's row (ok null: running). */
export async function insertPayoutRun(
  db: Store,
  run: { asOf: Day; trigger: PayoutTrigger; triggeredById: number | null; startedAt: Date },
): Promise<bigint> {
  const row = await db.savingsPayoutRun.create({
    data: {
      asOf: dateOfDay(run.asOf),
      trigger: run.trigger,
      triggeredById: run.triggeredById,
      startedAt: run.startedAt,
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * Closes the rows of runs a process left open (it stopped without finishing them) that started
 * before `before`: not ok, with the reason. Answers how many it closed.
 */
export async function closeInterruptedRuns(
  db: Store,
  run: { before: Date; at: Date },
): Promise<number> {
  const closed = await db.savingsPayoutRun.updateMany({
    where: { finishedAt: null, startedAt: { lt: run.before } },
    data: {
      ok: false,
      error: "interrupted: the process stopped before the run finished",
      finishedAt: run.at,
    },
  });
  return closed.count;
}

/** Closes a run's row with its outcome. */
export async function finishPayoutRun(
  db: Store,
  runId: bigint,
  outcome: { ok: boolean; error: string | null; plansPaid: number; finishedAt: Date },
): Promise<void> {
  await db.savingsPayoutRun.update({ where: { id: runId }, data: outcome });
}

/**
 * PENDING plans due on or before `asOf` of ACTIVE subscriptions, oldest first (due day, then
 * subscription, then seq: a subscription's plans in their order), `limit` after `after`.
 */
export async function findDuePlans(
  db: Store,
  query: { asOf: Day; after: DuePlanCursor | null; limit: number },
): Promise<DuePlan[]> {
  const after = query.after ?? { dueDate: "0001-01-01", subscriptionId: ZERO_UUID, seq: 0 };
  const rows = await db.$queryRaw<
    Array<{
      id: string;
      subscription_id: string;
      seq: number;
      due_date: string;
      asset_code: string;
      interest_atoms: string;
      principal_atoms: string;
    }>
  >`
    SELECT p.id::text, p.subscription_id::text, p.seq, to_char(p.due_date, 'YYYY-MM-DD') AS due_date,
           s.asset_code, p.interest_atoms::text, p.principal_atoms::text
      FROM savings_plans p
      JOIN savings_subscriptions s ON s.id = p.subscription_id
     WHERE p.status = 'PENDING' AND s.status = 'ACTIVE' AND p.due_date <= ${query.asOf}::date
       AND (p.due_date, p.subscription_id, p.seq)
           > (${after.dueDate}::date, ${after.subscriptionId}::uuid, ${after.seq}::int)
     ORDER BY p.due_date, p.subscription_id, p.seq
     LIMIT ${query.limit}`;
  return rows.map((row) => ({
    id: row.id,
    subscriptionId: row.subscription_id,
    seq: row.seq,
    dueDate: row.due_date,
    assetCode: row.asset_code,
    interestAtoms: decimalToUnits(row.interest_atoms),
    principalAtoms: decimalToUnits(row.principal_atoms),
  }));
}

/**
 * Records a plan the engine paid (or one with nothing to pay): PAID whatever it was before (a
 * redemption racing the payout may have marked it CANCELLED, but the money moved), the first
 * payment's time and run kept. With `closes` (the plan carrying the principal) the ACTIVE
 * subscription becomes MATURED. Answers whether this call made the plan PAID.
 */
export async function markPlanPaid(
  db: Db,
  plan: { planId: string; subscriptionId: string; runId: bigint; at: Date; closes: boolean },
): Promise<boolean> {
  // One transaction: a maturity half-recorded (plan PAID, subscription still ACTIVE) would never
  // be looked at again, as reruns read only PENDING plans.
  return db.$transaction(async (tx) => {
    const paid = await tx.$executeRaw`
      UPDATE savings_plans
         SET status = 'PAID', paid_at = coalesce(paid_at, ${plan.at}),
             payout_run_id = coalesce(payout_run_id, ${plan.runId})
       WHERE id = ${plan.planId}::uuid AND status <> 'PAID'`;
    if (plan.closes) {
      await tx.$executeRaw`
        UPDATE savings_subscriptions SET status = 'MATURED', ended_at = coalesce(ended_at, ${plan.at})
         WHERE id = ${plan.subscriptionId}::uuid AND status = 'ACTIVE'`;
    }
    return paid === 1;
  });
}

/** A plan the engine could not pay because its position is closed (redeemed meanwhile). */
export async function cancelPendingPlan(db: Store, planId: string): Promise<boolean> {
  const cancelled = await db.$executeRaw`
    UPDATE savings_plans SET status = 'CANCELLED' WHERE id = ${planId}::uuid AND status = 'PENDING'`;
  return cancelled === 1;
}

/** A run's row as the admin list shows it, with who triggered it. */
export interface PayoutRunRecord {
  id: bigint;
  asOf: Day;
  trigger: string;
  triggeredBy: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  ok: boolean | null;
  error: string | null;
  plansPaid: number;
}

/** Newest first, `limit` runs older than `beforeId`. */
export async function findPayoutRuns(
  db: Store,
  page: { limit: number; beforeId?: bigint | undefined },
): Promise<PayoutRunRecord[]> {
  const before = page.beforeId ?? null;
  const rows = await db.$queryRaw<
    Array<Omit<PayoutRunRecord, "asOf" | "triggeredBy"> & { as_of: string; staff: string | null }>
  >`
    SELECT r.id, to_char(r.as_of, 'YYYY-MM-DD') AS as_of, r.trigger, st.name AS staff,
           r.started_at AS "startedAt", r.finished_at AS "finishedAt", r.ok, r.error,
           r.plans_paid AS "plansPaid"
      FROM savings_payout_runs r
      LEFT JOIN staff st ON st.id = r.triggered_by_id
     WHERE (${before}::bigint IS NULL OR r.id < ${before}::bigint)
     ORDER BY r.id DESC
     LIMIT ${page.limit}`;
  return rows.map(({ as_of, staff, ...row }) => ({ ...row, asOf: as_of, triggeredBy: staff }));
}

/** One run's row, or null. */
export async function findPayoutRun(db: Store, runId: bigint): Promise<PayoutRunRecord | null> {
  const [row] = await findPayoutRuns(db, { limit: 1, beforeId: runId + 1n });
  return row && row.id === runId ? row : null;
}

/** What the runs paid, per run and asset: interest and principal of the plans each paid. */
export async function findPayoutRunTotals(
  db: Store,
  runIds: readonly bigint[],
): Promise<
  Array<{ runId: bigint; assetCode: string; interestAtoms: bigint; principalAtoms: bigint }>
> {
  if (runIds.length === 0) return [];
  const rows = await db.$queryRaw<
    Array<{ run_id: bigint; asset_code: string; interest: string; principal: string }>
  >`
    SELECT p.payout_run_id AS run_id, s.asset_code,
           sum(p.interest_atoms)::text AS interest, sum(p.principal_atoms)::text AS principal
      FROM savings_plans p
      JOIN savings_subscriptions s ON s.id = p.subscription_id
     WHERE p.status = 'PAID' AND p.payout_run_id = ANY(${runIds as bigint[]}::bigint[])
     GROUP BY p.payout_run_id, s.asset_code
     ORDER BY s.asset_code`;
  return rows.map((row) => ({
    runId: row.run_id,
    assetCode: row.asset_code,
    interestAtoms: decimalToUnits(row.interest),
    principalAtoms: decimalToUnits(row.principal),
  }));
}

/** The savings pool per asset: the engine's accounts as projected, and what the rows say. */
export interface PoolFigures {
  assetCode: string;
  precision: number;
  /** The `savings` system account (user 0). */
  poolAtoms: bigint;
  /** The `savingsInterest` system account (user 0): negative by the interest paid, net. */
  interestAccountAtoms: bigint;
  /** Principal of ACTIVE subscriptions. */
  outstandingAtoms: bigint;
  /** Interest of PENDING plans of ACTIVE subscriptions. */
  scheduledAtoms: bigint;
}

/** Every asset with savings subscriptions or a savings account balance, asset-code order. */
export async function findPoolFigures(db: Store): Promise<PoolFigures[]> {
  const rows = await db.$queryRaw<
    Array<{
      asset_code: string;
      precision: number;
      pool: string;
      interest_account: string;
      outstanding: string;
      scheduled: string;
    }>
  >`
    WITH accounts AS (
      SELECT asset AS asset_code,
             sum(balance_atoms) FILTER (WHERE account = 'savings') AS pool,
             sum(balance_atoms) FILTER (WHERE account = 'savingsInterest') AS interest_account
        FROM account_balances
       WHERE user_id = 0 AND account IN ('savings', 'savingsInterest')
       GROUP BY asset
    ), outstanding AS (
      SELECT asset_code, sum(amount_atoms) AS outstanding
        FROM savings_subscriptions WHERE status = 'ACTIVE' GROUP BY asset_code
    ), scheduled AS (
      SELECT s.asset_code, sum(p.interest_atoms) AS scheduled
        FROM savings_plans p JOIN savings_subscriptions s ON s.id = p.subscription_id
       WHERE s.status = 'ACTIVE' AND p.status = 'PENDING'
       GROUP BY s.asset_code
    ), codes AS (
      SELECT asset_code FROM accounts UNION SELECT asset_code FROM savings_subscriptions
    )
    SELECT c.asset_code, a.precision,
           coalesce(ac.pool, 0)::text AS pool,
           coalesce(ac.interest_account, 0)::text AS interest_account,
           coalesce(o.outstanding, 0)::text AS outstanding,
           coalesce(sc.scheduled, 0)::text AS scheduled
      FROM codes c
      JOIN assets a ON a.code = c.asset_code
      LEFT JOIN accounts ac ON ac.asset_code = c.asset_code
      LEFT JOIN outstanding o ON o.asset_code = c.asset_code
      LEFT JOIN scheduled sc ON sc.asset_code = c.asset_code
     ORDER BY c.asset_code`;
  return rows.map((row) => ({
    assetCode: row.asset_code,
    precision: row.precision,
    poolAtoms: decimalToUnits(row.pool),
    interestAccountAtoms: decimalToUnits(row.interest_account),
    outstandingAtoms: decimalToUnits(row.outstanding),
    scheduledAtoms: decimalToUnits(row.scheduled),
  }));
}

const ZERO_UUID = "00000000-0000-0000-0000-000000000000";
