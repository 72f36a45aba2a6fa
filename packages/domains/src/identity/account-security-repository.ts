import type { Store } from "../services";

/**
 * What the account-security services read about a trader beyond sessions and factors: where a
 * security notice goes and in which language. The only Prisma use of account-security.ts.
 */
export function findUserMailTarget(
  db: Store,
  userId: number,
): Promise<{ email: string; locale: string } | null> {
  return db.user.findUnique({ where: { id: userId }, select: { email: true, locale: true } });
}
