import type { Db, PrincipalType, Prisma } from "@exchange/db";
import { encodeSessionRevocation, sessionRevocationChannel } from "@exchange/protocol";
import type { Services } from "../services";
import { newToken } from "./one-time-token";

/**
 * Sessions kept on the server. The apps' cookies are encrypted JWTs that name a row of
 * `auth_sessions`; each request checks the row, so a session ends on the server (log-out,
 * password reset, suspension) and a copied cookie of an ended session is refused, whatever its
 * own expiry says.
 */
export interface SessionPrincipal {
  type: PrincipalType;
  id: number;
}

/**
 * Opens a session at sign-in; the sign-in itself proved the factors, so it counts as a step-up.
 * The account's sessions that expired are dropped on the way, so the table stays as small as the
 * sessions that could still be presented.
 */
export async function openSession(
  db: Db,
  principal: SessionPrincipal,
  maxAgeS: number,
  now = new Date(),
): Promise<string> {
  const id = newToken();
  await db.authSession.deleteMany({
    where: { principalType: principal.type, principalId: principal.id, expiresAt: { lt: now } },
  });
  await db.authSession.create({
    data: {
      id,
      principalType: principal.type,
      principalId: principal.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + maxAgeS * 1000),
      steppedUpAt: now,
    },
  });
  return id;
}

/** Whether `sessionId` is a live session of `principal`: not revoked, not expired. */
export async function sessionStands(
  db: Db,
  principal: SessionPrincipal,
  sessionId: string | null,
  now = new Date(),
): Promise<boolean> {
  if (!sessionId) return false;
  const row = await db.authSession.findUnique({
    where: { id: sessionId },
    select: { principalType: true, principalId: true, expiresAt: true, revokedAt: true },
  });
  return (
    row !== null &&
    row.principalType === principal.type &&
    row.principalId === principal.id &&
    row.revokedAt === null &&
    row.expiresAt > now
  );
}

/** The session's trader if the account is active and the session stands, else null. */
export async function currentSessionUser(
  db: Db,
  session: { userId: number; sessionId: string | null },
): Promise<{ id: number; email: string } | null> {
  const [user, stands] = await Promise.all([
    db.user.findUnique({
      where: { id: session.userId },
      select: { id: true, email: true, status: true },
    }),
    sessionStands(db, { type: "USER", id: session.userId }, session.sessionId),
  ]);
  if (user?.status !== "ACTIVE" || !stands) return null;
  return { id: user.id, email: user.email };
}

/** Log-out: ends one session on the server, and a trader's open WebSocket with it. */
export async function endSession(services: Services, sessionId: string): Promise<void> {
  const row = await services.db.authSession.findUnique({
    where: { id: sessionId },
    select: { principalType: true, principalId: true },
  });
  if (!row) return;
  await services.db.authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (row.principalType === "USER") {
    await announceRevocation(services, { userId: row.principalId, sessionId });
  }
}

/**
 * Ends every session of an account (password reset, suspension), inside the caller's
 * transaction. Call `announceRevocation` once it has committed, for a trader's sockets.
 */
export async function revokeAllSessions(
  tx: Prisma.TransactionClient,
  principal: SessionPrincipal,
): Promise<void> {
  await tx.authSession.updateMany({
    where: { principalType: principal.type, principalId: principal.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** Tells every WebSocket gateway to close the sockets of revoked sessions (null: all of them). */
export async function announceRevocation(
  services: Services,
  revocation: { userId: number; sessionId: string | null },
): Promise<void> {
  await services.redis.publish(
    sessionRevocationChannel(services.redisPrefix),
    encodeSessionRevocation(revocation),
  );
}
