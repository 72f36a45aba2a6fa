import { storedUnits } from "@exchange/contracts/money";
import type { SavingsSubscriptionStatus } from "@exchange/contracts/savings";
import type { Store, Tx } from "../services";
import { dateOfDay, type PlannedPayment } from "./repayment-schedule";

/**
 * The `savings_subscriptions` and `savings_plans` tables as a subscription is taken, activated
 * or dropped; and the one instance row update that takes a share of the daily quota (the
 * instance itself, with its version's terms, is read by `findInstanceById`).
 */

/**
 * Takes `amountAtoms` of the instance's quota if that much is left and its window contains
 * `now`: one conditional update of the instance row, so two racing subscriptions serialise on
 * the row and the second one sees what the first took (PostgreSQL re-checks the condition on the
 * row's new version). False when it did not fit or the window is closed.
 */
export async function takeQuota(
  tx: Tx,
  instanceId: number,
  amountAtoms: bigint,
  now: Date,
): Promise<boolean> {
  const amount = amountAtoms.toString();
  const taken = await tx.$executeRaw`
    UPDATE savings_instances
       SET subscribed_atoms = subscribed_atoms + ${amount}::numeric
     WHERE id = ${instanceId}
       AND subscribed_atoms + ${amount}::numeric <= quota_atoms
       AND window_start <= ${now} AND window_end > ${now}`;
  return taken === 1;
}

export interface SubscriptionRecord {
  id: string;
  userId: number;
  instanceId: number;
  assetCode: string;
  amountAtoms: bigint;
  requestKey: string;
  status: SavingsSubscriptionStatus;
  createdAt: Date;
}

const SUBSCRIPTION_SELECT = {
  id: true,
  userId: true,
  instanceId: true,
  assetCode: true,
  amountAtoms: true,
  requestKey: true,
  status: true,
  createdAt: true,
} as const;

type SubscriptionRow = {
  id: string;
  userId: number;
  instanceId: number;
  assetCode: string;
  amountAtoms: { toFixed(): string };
  requestKey: string;
  status: SavingsSubscriptionStatus;
  createdAt: Date;
};

function toRecord(row: SubscriptionRow): SubscriptionRecord {
  return { ...row, amountAtoms: storedUnits(row.amountAtoms) };
}

export async function findSubscriptionRecord(
  db: Store,
  id: string,
): Promise<SubscriptionRecord | undefined> {
  const row = await db.savingsSubscription.findUnique({
    where: { id },
    select: SUBSCRIPTION_SELECT,
  });
  return row ? toRecord(row) : undefined;
}

export async function findSubscriptionByRequestKey(
  db: Store,
  userId: number,
  requestKey: string,
): Promise<SubscriptionRecord | undefined> {
  const row = await db.savingsSubscription.findUnique({
    where: { userId_requestKey: { userId, requestKey } },
    select: SUBSCRIPTION_SELECT,
  });
  return row ? toRecord(row) : undefined;
}

/** Records a PENDING subscription with its whole repayment plan, in the caller's transaction. */
export async function insertPendingSubscription(
  tx: Tx,
  subscription: Omit<SubscriptionRecord, "status">,
  plans: readonly (PlannedPayment & { id: string })[],
): Promise<SubscriptionRecord> {
  const row = await tx.savingsSubscription.create({
    data: {
      id: subscription.id,
      userId: subscription.userId,
      instanceId: subscription.instanceId,
      assetCode: subscription.assetCode,
      amountAtoms: subscription.amountAtoms.toString(),
      requestKey: subscription.requestKey,
      status: "PENDING",
      createdAt: subscription.createdAt,
    },
    select: SUBSCRIPTION_SELECT,
  });
  await tx.savingsPlan.createMany({
    data: plans.map((plan) => ({
      id: plan.id,
      subscriptionId: subscription.id,
      seq: plan.seq,
      periodStart: dateOfDay(plan.periodStart),
      dueDate: dateOfDay(plan.dueDate),
      interestAtoms: plan.interestAtoms.toString(),
      principalAtoms: plan.principalAtoms.toString(),
    })),
  });
  return toRecord(row);
}

/** PENDING → ACTIVE once the engine holds the principal; false if it was not PENDING. */
export async function activateSubscription(db: Store, id: string, at: Date): Promise<boolean> {
  const moved = await db.savingsSubscription.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "ACTIVE", activatedAt: at },
  });
  return moved.count === 1;
}

/**
 * Forgets a PENDING subscription the engine refused, plans and all, and gives its amount back
 * to the instance's quota. Only a PENDING row goes: an activated one is never dropped.
 */
export async function dropPendingSubscription(tx: Tx, record: SubscriptionRecord): Promise<void> {
  const dropped = await tx.savingsSubscription.deleteMany({
    where: { id: record.id, status: "PENDING" },
  });
  if (dropped.count !== 1) return;
  const amount = record.amountAtoms.toString();
  await tx.$executeRaw`
    UPDATE savings_instances
       SET subscribed_atoms = subscribed_atoms - ${amount}::numeric
     WHERE id = ${record.instanceId}`;
}

/** PENDING subscriptions created before `before`: interrupted between the quota and the engine. */
export async function findStalePendingSubscriptions(
  db: Store,
  before: Date,
): Promise<SubscriptionRecord[]> {
  const rows = await db.savingsSubscription.findMany({
    where: { status: "PENDING", createdAt: { lt: before } },
    select: SUBSCRIPTION_SELECT,
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  return rows.map(toRecord);
}
