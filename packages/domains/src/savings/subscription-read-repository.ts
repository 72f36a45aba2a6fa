import { storedUnits } from "@exchange/contracts/money";
import type {
  SavingsEarlyRedemption,
  SavingsPayoutPeriod,
  SavingsPlanStatus,
  SavingsSubscriptionStatus,
} from "@exchange/contracts/savings";
import type { Store } from "../services";
import { findAssetPrecisions } from "./asset-repository";

/**
 * What a subscription's owner reads of `savings_subscriptions`, with the terms of the instance's
 * version and the sums of its plans. Amounts are engine atoms, `bigint` here.
 */

export interface SubscriptionSummary {
  id: string;
  userId: number;
  instanceId: number;
  productName: string;
  assetCode: string;
  /** The asset's engine precision (decimals of its atoms). */
  precision: number;
  amountAtoms: bigint;
  status: SavingsSubscriptionStatus;
  annualRatePpm: number;
  payoutPeriod: SavingsPayoutPeriod;
  earlyRedemption: SavingsEarlyRedemption;
  penaltyRatePpm: number;
  valueDate: Date;
  maturityDate: Date;
  interestScheduledAtoms: bigint;
  interestPaidAtoms: bigint;
  /** Interest of the plans still PENDING. */
  interestPendingAtoms: bigint;
  redeemedAtoms: bigint | null;
  deductionAtoms: bigint | null;
  createdAt: Date;
  endedAt: Date | null;
}

export interface PlanRecord {
  id: string;
  seq: number;
  periodStart: Date;
  dueDate: Date;
  interestAtoms: bigint;
  principalAtoms: bigint;
  status: SavingsPlanStatus;
  paidAt: Date | null;
  /** The payout run that paid it (operations' view shows it). */
  payoutRunId: bigint | null;
}

/** The columns of a summary; operations' reads add the owner's email (savings-admin-repository.ts). */
export const SUMMARY_SELECT = {
  id: true,
  userId: true,
  instanceId: true,
  assetCode: true,
  amountAtoms: true,
  status: true,
  redeemedAtoms: true,
  deductionAtoms: true,
  createdAt: true,
  endedAt: true,
  instance: {
    select: {
      productId: true,
      valueDate: true,
      maturityDate: true,
      productVersion: {
        select: {
          name: true,
          annualRatePpm: true,
          payoutPeriod: true,
          earlyRedemption: true,
          penaltyRatePpm: true,
        },
      },
    },
  },
  plans: { select: { interestAtoms: true, status: true } },
} as const;

type Stored = Parameters<typeof storedUnits>[0];

/** A row of `SUMMARY_SELECT`. */
export interface SummaryRow {
  id: string;
  userId: number;
  instanceId: number;
  assetCode: string;
  amountAtoms: Stored;
  status: SavingsSubscriptionStatus;
  redeemedAtoms: Stored | null;
  deductionAtoms: Stored | null;
  createdAt: Date;
  endedAt: Date | null;
  instance: {
    productId: number;
    valueDate: Date;
    maturityDate: Date;
    productVersion: {
      name: string;
      annualRatePpm: number;
      payoutPeriod: SavingsPayoutPeriod;
      earlyRedemption: SavingsEarlyRedemption;
      penaltyRatePpm: number;
    };
  };
  plans: { interestAtoms: Stored; status: SavingsPlanStatus }[];
}

function sumInterest(plans: SummaryRow["plans"], status?: SavingsPlanStatus): bigint {
  let total = 0n;
  for (const plan of plans) {
    if (status === undefined || plan.status === status) total += storedUnits(plan.interestAtoms);
  }
  return total;
}

function toRecord(row: SummaryRow, precision: number): SubscriptionSummary {
  const terms = row.instance.productVersion;
  const scheduled = row.plans.filter((p) => p.status !== "CANCELLED");
  return {
    id: row.id,
    userId: row.userId,
    instanceId: row.instanceId,
    productName: terms.name,
    assetCode: row.assetCode,
    precision,
    amountAtoms: storedUnits(row.amountAtoms),
    status: row.status,
    annualRatePpm: terms.annualRatePpm,
    payoutPeriod: terms.payoutPeriod,
    earlyRedemption: terms.earlyRedemption,
    penaltyRatePpm: terms.penaltyRatePpm,
    valueDate: row.instance.valueDate,
    maturityDate: row.instance.maturityDate,
    interestScheduledAtoms: sumInterest(scheduled),
    interestPaidAtoms: sumInterest(row.plans, "PAID"),
    interestPendingAtoms: sumInterest(row.plans, "PENDING"),
    redeemedAtoms: row.redeemedAtoms === null ? null : storedUnits(row.redeemedAtoms),
    deductionAtoms: row.deductionAtoms === null ? null : storedUnits(row.deductionAtoms),
    createdAt: row.createdAt,
    endedAt: row.endedAt,
  };
}

/** The summaries of `rows`, in their order. */
export async function summariesOf(db: Store, rows: SummaryRow[]): Promise<SubscriptionSummary[]> {
  const precisions = await findAssetPrecisions(
    db,
    rows.map((r) => r.assetCode),
  );
  return rows.map((row) => toRecord(row, precisions.get(row.assetCode)));
}

/** One subscription, whoever owns it (callers check the owner). */
export async function findSubscriptionSummary(
  db: Store,
  id: string,
): Promise<SubscriptionSummary | undefined> {
  const row = await db.savingsSubscription.findUnique({
    where: { id },
    select: SUMMARY_SELECT,
  });
  if (!row) return undefined;
  const [record] = await summariesOf(db, [row]);
  return record;
}

/** A user's subscriptions, newest first; `cursor` is the last id of the previous page. */
export async function findUserSubscriptions(
  db: Store,
  userId: number,
  page: { cursor?: string; limit: number },
): Promise<SubscriptionSummary[]> {
  const rows = await db.savingsSubscription.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    select: SUMMARY_SELECT,
  });
  return summariesOf(db, rows);
}

/** Whether the subscription exists and belongs to the user (a cursor from someone else is ignored). */
export async function isUserSubscription(db: Store, userId: number, id: string): Promise<boolean> {
  const row = await db.savingsSubscription.findFirst({
    where: { id, userId },
    select: { id: true },
  });
  return row !== null;
}

/** A subscription's plans in order. */
export async function findSubscriptionPlans(
  db: Store,
  subscriptionId: string,
): Promise<PlanRecord[]> {
  const rows = await db.savingsPlan.findMany({
    where: { subscriptionId },
    orderBy: { seq: "asc" },
    select: {
      id: true,
      seq: true,
      periodStart: true,
      dueDate: true,
      interestAtoms: true,
      principalAtoms: true,
      status: true,
      paidAt: true,
      payoutRunId: true,
    },
  });
  return rows.map((r) => ({
    ...r,
    interestAtoms: storedUnits(r.interestAtoms),
    principalAtoms: storedUnits(r.principalAtoms),
  }));
}
