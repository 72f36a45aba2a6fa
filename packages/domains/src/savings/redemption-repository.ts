import type { Db } from "@exchange/db";
import type { Tx } from "../services";

/**
 * The writes of an early redemption on `savings_subscriptions` and `savings_plans`, under the
 * subscription's row lock so that two redeems of one subscription take turns.
 */

/**
 * Runs `work` in a transaction holding `SELECT … FOR UPDATE` on the subscription's row. The
 * work waits for the engine's answer inside it, hence the longer timeout.
 */
export function withSubscriptionLock<T>(
  db: Db,
  subscriptionId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM savings_subscriptions WHERE id = ${subscriptionId}::uuid FOR UPDATE`;
      return work(tx);
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}

/**
 * Records the redemption: the subscription REDEEMED with what came back and what was kept, its
 * PENDING plans CANCELLED (a plan already PAID stays so). False when it was no longer ACTIVE.
 */
export async function markSubscriptionRedeemed(
  tx: Tx,
  input: { id: string; redeemedAtoms: bigint; deductionAtoms: bigint; endedAt: Date },
): Promise<boolean> {
  const moved = await tx.savingsSubscription.updateMany({
    where: { id: input.id, status: "ACTIVE" },
    data: {
      status: "REDEEMED",
      redeemedAtoms: input.redeemedAtoms.toString(),
      deductionAtoms: input.deductionAtoms.toString(),
      endedAt: input.endedAt,
    },
  });
  if (moved.count !== 1) return false;
  await tx.savingsPlan.updateMany({
    where: { subscriptionId: input.id, status: "PENDING" },
    data: { status: "CANCELLED" },
  });
  return true;
}
