import type { Prisma } from "@exchange/db";
import { KYC_SUBMISSION_SUMMARY } from "../kyc/kyc-repository";
import type { Store } from "../services";

/**
 * The admin console's view of traders' accounts: search by email fragment or id, and one
 * account with its KYC history. The only code that reads `users` for staff; balances and orders
 * come from trading's queries, not from here.
 */

/** Accounts whose email contains `text` (any case) or whose id is `id`; the newest when empty. */
export async function findUsersMatching(
  db: Store,
  query: { text: string; id: number | undefined; limit: number },
) {
  const where: Prisma.UserWhereInput = query.text
    ? {
        OR: [
          { email: { contains: query.text, mode: "insensitive" } },
          ...(query.id === undefined ? [] : [{ id: query.id }]),
        ],
      }
    : {};
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: { id: "desc" },
      take: query.limit,
      select: {
        id: true,
        email: true,
        kycLevel: true,
        status: true,
        emailVerifiedAt: true,
        createdAt: true,
      },
    }),
    db.user.count({ where }),
  ]);
  return { rows, total };
}

/** One account with its KYC submissions, newest first, and who reviewed each. */
export function findUserAccount(db: Store, userId: number) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      kycLevel: true,
      status: true,
      emailVerifiedAt: true,
      totpEnabledAt: true,
      createdAt: true,
      kycSubmissions: {
        orderBy: { id: "desc" },
        select: {
          ...KYC_SUBMISSION_SUMMARY,
          reviewedBy: { select: { name: true } },
        },
      },
    },
  });
}

/** Each asset's precision (decimal places), by code: the profile shows balances at it. */
export async function findAssetPrecisions(db: Store): Promise<Map<string, number>> {
  const assets = await db.asset.findMany({ select: { code: true, precision: true } });
  return new Map(assets.map((a) => [a.code, a.precision]));
}
