import type { Db } from "@exchange/db";

/**
 * Whether a trader's session still stands. Sessions are stateless cookies, so the account
 * keeps the cut-off: a password reset sets `sessions_valid_after`, and a session begun before
 * it is over. A session without a recorded sign-in time counts as begun at the epoch.
 */
export function sessionBeganInTime(signedInAtMs: number | null, validAfter: Date | null): boolean {
  if (validAfter === null) return true;
  return (signedInAtMs ?? 0) > validAfter.getTime();
}

/** The session's user if it is active and the session is not cut off, else null. */
export async function currentSessionUser(
  db: Db,
  session: { userId: number; signedInAtMs: number | null },
): Promise<{ id: number; email: string } | null> {
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, status: true, sessionsValidAfter: true },
  });
  if (user?.status !== "ACTIVE") return null;
  if (!sessionBeganInTime(session.signedInAtMs, user.sessionsValidAfter)) return null;
  return { id: user.id, email: user.email };
}
