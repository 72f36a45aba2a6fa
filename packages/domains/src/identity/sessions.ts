import { clockDate, encodeSessionRevocation, sessionRevocationChannel } from "@exchange/protocol";
import { type RequestClient, recordAudit } from "../audit/audit-repository";
import type { Services, Store } from "../services";
import { newToken } from "./one-time-token";
import {
  findSession,
  insertSession,
  revokeSession,
  type SessionPrincipal,
} from "./session-repository";
import { findUserStatus } from "./user-repository";

/**
 * Sessions kept on the server. The apps' cookies are encrypted JWTs that name a row of
 * `auth_sessions`; each request checks the row, so a session ends on the server (log-out,
 * password reset, suspension) and a copied cookie of an ended session is refused, whatever its
 * own expiry says.
 */

/** What checking a session needs: the database and the time the expiry is compared with. */
export type SessionClockServices = Pick<Services, "db" | "clock">;

/**
 * Opens a session at `now`, at sign-in; the sign-in itself proved the factors, so it counts as a step-up.
 * The account's sessions that expired are dropped on the way, so the table stays as small as the
 * sessions that could still be presented. The client's address and browser are kept, so the
 * owner can recognise the session in their list (the user agent bounded to its column).
 */
export async function openSession(
  db: Store,
  principal: SessionPrincipal,
  maxAgeS: number,
  now: Date,
  client: RequestClient = {},
): Promise<string> {
  const id = newToken();
  const expiresAt = new Date(now.getTime() + maxAgeS * 1000);
  await insertSession(db, {
    id,
    principal,
    createdAt: now,
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  return id;
}

/** Whether `sessionId` is a live session of `principal`: not revoked, not expired on the services' clock. */
export async function sessionStands(
  services: SessionClockServices,
  principal: SessionPrincipal,
  sessionId: string | null,
): Promise<boolean> {
  if (!sessionId) return false;
  const now = clockDate(services.clock);
  const row = await findSession(services.db, sessionId);
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
  services: SessionClockServices,
  session: { userId: number; sessionId: string | null },
): Promise<{ id: number; email: string } | null> {
  const [user, stands] = await Promise.all([
    findUserStatus(services.db, session.userId),
    sessionStands(services, { type: "USER", id: session.userId }, session.sessionId),
  ]);
  if (user?.status !== "ACTIVE" || !stands) return null;
  return { id: user.id, email: user.email };
}

/** Log-out: ends one session on the server, and a trader's open WebSocket with it. */
export async function endSession(services: Services, sessionId: string): Promise<void> {
  const row = await findSession(services.db, sessionId);
  if (!row) return;
  await revokeSession(services.db, sessionId, clockDate(services.clock));
  if (row.principalType === "USER") {
    if (row.revokedAt === null) {
      await recordAudit(services.db, {
        actor: { kind: "user", userId: row.principalId },
        action: "user.logged_out",
        target: { type: "user", id: String(row.principalId) },
      });
    }
    await announceRevocation(services, { userId: row.principalId, sessionId });
  }
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
