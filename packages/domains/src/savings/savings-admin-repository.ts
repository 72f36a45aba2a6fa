import { decimalToUnits } from "@exchange/contracts/money";
import type { SavingsPlanStatus, SavingsSubscriptionStatus } from "@exchange/contracts/savings";
import { Prisma } from "@exchange/db";
import type { Store } from "../services";

/**
 * What operations read of subscriptions: each with its owner, its product's terms (of the
 * version its instance was generated from) and the sums of its plans; one subscription's plans.
 * Read-only; the subscription flow and the payout run write these rows.
 */

export interface SubscriptionAdminRecord {
  id: string;
  userId: number;
  email: string;
  instanceId: number;
  productId: number;
  productName: string;
  assetCode: string;
  precision: number;
  amountAtoms: bigint;
  status: SavingsSubscriptionStatus;
  annualRatePpm: number;
  payoutPeriod: "DAILY" | "WEEKLY" | "MONTHLY" | "AT_MATURITY";
  earlyRedemption: "NOT_ALLOWED" | "FORFEIT_INTEREST" | "PENALTY";
  penaltyRatePpm: number;
  valueDate: string;
  maturityDate: string;
  interestScheduledAtoms: bigint;
  interestPaidAtoms: bigint;
  redeemedAtoms: bigint | null;
  deductionAtoms: bigint | null;
  createdAt: Date;
  endedAt: Date | null;
}

export interface SubscriptionAdminFilter {
  status?: SavingsSubscriptionStatus | undefined;
  productId?: number | undefined;
  /** Part of the owner's email, any case. */
  email?: string | undefined;
}

interface Row {
  id: string;
  user_id: number;
  email: string;
  instance_id: number;
  product_id: number;
  product_name: string;
  asset_code: string;
  precision: number;
  amount_atoms: string;
  status: SavingsSubscriptionStatus;
  annual_rate_ppm: number;
  payout_period: SubscriptionAdminRecord["payoutPeriod"];
  early_redemption: SubscriptionAdminRecord["earlyRedemption"];
  penalty_rate_ppm: number;
  value_date: string;
  maturity_date: string;
  interest_scheduled: string;
  interest_paid: string;
  redeemed_atoms: string | null;
  deduction_atoms: string | null;
  created_at: Date;
  ended_at: Date | null;
}

const SELECT = Prisma.sql`
  SELECT s.id::text, s.user_id, u.email, s.instance_id, i.product_id, v.name AS product_name,
         s.asset_code, a.precision, s.amount_atoms::text, s.status::text AS status,
         v.annual_rate_ppm, v.payout_period::text AS payout_period,
         v.early_redemption::text AS early_redemption, v.penalty_rate_ppm,
         to_char(i.value_date, 'YYYY-MM-DD') AS value_date,
         to_char(i.maturity_date, 'YYYY-MM-DD') AS maturity_date,
         coalesce((SELECT sum(p.interest_atoms) FROM savings_plans p
                    WHERE p.subscription_id = s.id AND p.status <> 'CANCELLED'), 0)::text
           AS interest_scheduled,
         coalesce((SELECT sum(p.interest_atoms) FROM savings_plans p
                    WHERE p.subscription_id = s.id AND p.status = 'PAID'), 0)::text AS interest_paid,
         s.redeemed_atoms::text, s.deduction_atoms::text, s.created_at, s.ended_at
    FROM savings_subscriptions s
    JOIN users u ON u.id = s.user_id
    JOIN savings_instances i ON i.id = s.instance_id
    JOIN savings_product_versions v ON v.id = i.product_version_id
    JOIN assets a ON a.code = s.asset_code`;

function whereOf(filter: SubscriptionAdminFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.status)
    parts.push(Prisma.sql`s.status = ${filter.status}::"SavingsSubscriptionStatus"`);
  if (filter.productId !== undefined) parts.push(Prisma.sql`i.product_id = ${filter.productId}`);
  if (filter.email) {
    const pattern = `%${filter.email.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`u.email ILIKE ${pattern}`);
  }
  return Prisma.join(parts, " AND ");
}

/** Newest first, `limit` from `offset`, with how many match in all. */
export async function findSubscriptionsAdmin(
  db: Store,
  query: SubscriptionAdminFilter & { offset: number; limit: number },
): Promise<{ rows: SubscriptionAdminRecord[]; total: number }> {
  const where = whereOf(query);
  const [rows, counts] = await Promise.all([
    db.$queryRaw<Row[]>`${SELECT} WHERE ${where}
      ORDER BY s.created_at DESC, s.id DESC LIMIT ${query.limit} OFFSET ${query.offset}`,
    db.$queryRaw<Array<{ total: number }>>`
      SELECT count(*)::int AS total
        FROM savings_subscriptions s
        JOIN users u ON u.id = s.user_id
        JOIN savings_instances i ON i.id = s.instance_id
       WHERE ${where}`,
  ]);
  return { rows: rows.map(recordOf), total: counts[0]?.total ?? 0 };
}

export async function findSubscriptionAdmin(
  db: Store,
  id: string,
): Promise<SubscriptionAdminRecord | null> {
  const [row] = await db.$queryRaw<Row[]>`${SELECT} WHERE s.id = ${id}::uuid`;
  return row ? recordOf(row) : null;
}

export interface PlanWithRun {
  seq: number;
  periodStart: string;
  dueDate: string;
  interestAtoms: bigint;
  principalAtoms: bigint;
  status: SavingsPlanStatus;
  paidAt: Date | null;
  payoutRunId: bigint | null;
}

/** A subscription's plans in their order. */
export async function findPlansWithRuns(db: Store, subscriptionId: string): Promise<PlanWithRun[]> {
  const rows = await db.$queryRaw<
    Array<{
      seq: number;
      period_start: string;
      due_date: string;
      interest_atoms: string;
      principal_atoms: string;
      status: SavingsPlanStatus;
      paid_at: Date | null;
      payout_run_id: bigint | null;
    }>
  >`
    SELECT seq, to_char(period_start, 'YYYY-MM-DD') AS period_start,
           to_char(due_date, 'YYYY-MM-DD') AS due_date, interest_atoms::text,
           principal_atoms::text, status::text AS status, paid_at, payout_run_id
      FROM savings_plans WHERE subscription_id = ${subscriptionId}::uuid ORDER BY seq`;
  return rows.map((row) => ({
    seq: row.seq,
    periodStart: row.period_start,
    dueDate: row.due_date,
    interestAtoms: decimalToUnits(row.interest_atoms),
    principalAtoms: decimalToUnits(row.principal_atoms),
    status: row.status,
    paidAt: row.paid_at,
    payoutRunId: row.payout_run_id,
  }));
}

function recordOf(row: Row): SubscriptionAdminRecord {
  const units = (text: string | null) => (text === null ? null : decimalToUnits(text));
  return {
    id: row.id,
    userId: row.user_id,
    email: row.email,
    instanceId: row.instance_id,
    productId: row.product_id,
    productName: row.product_name,
    assetCode: row.asset_code,
    precision: row.precision,
    amountAtoms: decimalToUnits(row.amount_atoms),
    status: row.status,
    annualRatePpm: row.annual_rate_ppm,
    payoutPeriod: row.payout_period,
    earlyRedemption: row.early_redemption,
    penaltyRatePpm: row.penalty_rate_ppm,
    valueDate: row.value_date,
    maturityDate: row.maturity_date,
    interestScheduledAtoms: decimalToUnits(row.interest_scheduled),
    interestPaidAtoms: decimalToUnits(row.interest_paid),
    redeemedAtoms: units(row.redeemed_atoms),
    deductionAtoms: units(row.deduction_atoms),
    createdAt: row.created_at,
    endedAt: row.ended_at,
  };
}
