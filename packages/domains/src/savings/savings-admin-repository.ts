import type { SavingsSubscriptionStatus } from "@exchange/contracts/savings";
import { Prisma } from "@exchange/db";
import type { Store } from "../services";
import {
  SUMMARY_SELECT,
  type SubscriptionSummary,
  summariesOf,
} from "./subscription-read-repository";

/**
 * What operations read of subscriptions: each with its owner, its product's terms (of the
 * version its instance was generated from) and the sums of its plans.
 * Read-only; the subscription flow and the payout run write these rows.
 */

/** A subscription as the owner reads it, with the owner's email and the instance's product. */
export type SubscriptionAdminRecord = SubscriptionSummary & { email: string; productId: number };

export interface SubscriptionAdminFilter {
  status?: SavingsSubscriptionStatus | undefined;
  productId?: number | undefined;
  /** Part of the owner's email, any case. */
  email?: string | undefined;
}

/** The records of the subscriptions `ids`, in that order. */
async function adminRecords(db: Store, ids: string[]): Promise<SubscriptionAdminRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.savingsSubscription.findMany({
    where: { id: { in: ids } },
    select: SUMMARY_SELECT,
  });
  const [summaries, users] = await Promise.all([
    summariesOf(db, rows),
    db.user.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.userId))] } },
      select: { id: true, email: true },
    }),
  ]);
  const emails = new Map(users.map((user) => [user.id, user.email]));
  const byId = new Map(
    rows.map((row, i) => {
      const summary = summaries[i] as SubscriptionSummary;
      const email = emails.get(row.userId) ?? "";
      return [row.id, { ...summary, email, productId: row.instance.productId }];
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

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
  const [matches, counts] = await Promise.all([
    db.$queryRaw<Array<{ id: string }>>`
      SELECT s.id::text
        FROM savings_subscriptions s
        JOIN users u ON u.id = s.user_id
        JOIN savings_instances i ON i.id = s.instance_id
       WHERE ${where}
       ORDER BY s.created_at DESC, s.id DESC LIMIT ${query.limit} OFFSET ${query.offset}`,
    db.$queryRaw<Array<{ total: number }>>`
      SELECT count(*)::int AS total
        FROM savings_subscriptions s
        JOIN users u ON u.id = s.user_id
        JOIN savings_instances i ON i.id = s.instance_id
       WHERE ${where}`,
  ]);
  const rows = await adminRecords(
    db,
    matches.map((m) => m.id),
  );
  return { rows, total: counts[0]?.total ?? 0 };
}

export async function findSubscriptionAdmin(
  db: Store,
  id: string,
): Promise<SubscriptionAdminRecord | null> {
  const [record] = await adminRecords(db, [id]);
  return record ?? null;
}
