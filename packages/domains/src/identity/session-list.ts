import { createHash } from "node:crypto";
import { clockDate } from "@exchange/protocol";
import { type RequestClient, recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services, type Tx } from "../services";
import {
  findLiveSessions,
  lockSessionsAndCheck,
  revokeOtherSessions,
  revokeSession,
  type SessionPrincipal,
} from "./session-repository";
import { announceRevocation } from "./sessions";
import { type DeviceSummary, summarizeUserAgent } from "./user-agent";

/**
 * A trader's own sessions: the list they see on the Security page, ending one of them, and
 * "log out everywhere else". A session's id is the secret its cookie carries, so the list names
 * each by a handle derived from it (a hash); the id itself never leaves the server.
 */

/** What the account owner reads about one of their sessions. */
export interface SessionView {
  /** Names the session in a "revoke" request; not its id. */
  handle: string;
  createdAt: Date;
  ip: string | null;
  device: DeviceSummary | null;
  /** The session this very request came from. */
  current: boolean;
}

/** The handle of a session: 128 bits of its id's SHA-256, enough to be unique per account. */
export function sessionHandle(sessionId: string): string {
  return createHash("sha256")
    .update(`session:${sessionId}`, "utf8")
    .digest("base64url")
    .slice(0, 22);
}

function userPrincipal(userId: number): SessionPrincipal {
  return { type: "USER", id: userId };
}

/** The trader's live sessions, newest first, this one marked. */
export async function listMySessions(
  services: Services,
  session: { userId: number; sessionId: string | undefined },
): Promise<SessionView[]> {
  const rows = await findLiveSessions(
    services.db,
    userPrincipal(session.userId),
    clockDate(services.clock),
  );
  return rows.map((row) => ({
    handle: sessionHandle(row.id),
    createdAt: row.createdAt,
    ip: row.ip,
    device: summarizeUserAgent(row.userAgent),
    current: row.id === session.sessionId,
  }));
}

/**
 * Ends one of the trader's sessions (and its WebSocket). A handle that names no live session of
 * theirs is NOT_FOUND, whoever's it is: nobody learns that another account's session exists.
 */
export async function revokeMySession(
  services: Services,
  session: { userId: number; sessionId: string | undefined },
  input: { handle: string } & RequestClient,
): Promise<void> {
  const now = clockDate(services.clock);
  const rows = await findLiveSessions(services.db, userPrincipal(session.userId), now);
  const target = rows.find((row) => sessionHandle(row.id) === input.handle);
  if (!target) throw new AppError(AppErrorCode.NOT_FOUND, "That session has already ended.");
  const sessionId = requireSessionId(session.sessionId);
  await inTransaction(services.db, async (tx) => {
    await requireStandingSession(tx, session.userId, sessionId, now);
    await revokeSession(tx, target.id, now);
    await recordAudit(tx, {
      actor: { kind: "user", userId: session.userId },
      action: "user.sessions_revoked",
      target: { type: "user", id: String(session.userId) },
      after: { sessions: 1, scope: target.id === session.sessionId ? "this" : "one" },
      ip: input.ip,
      userAgent: input.userAgent,
    });
  });
  await announceRevocation(services, { userId: session.userId, sessionId: target.id });
}

/** "Log out everywhere else": every other session of the trader ends; this one stays. */
export async function revokeMyOtherSessions(
  services: Services,
  session: { userId: number; sessionId: string | undefined },
  client: RequestClient,
): Promise<{ revoked: number }> {
  const keepId = requireSessionId(session.sessionId);
  const now = clockDate(services.clock);
  const revoked = await inTransaction(services.db, async (tx) => {
    await requireStandingSession(tx, session.userId, keepId, now);
    const ids = await revokeOtherSessions(tx, userPrincipal(session.userId), keepId, now);
    await recordAudit(tx, {
      actor: { kind: "user", userId: session.userId },
      action: "user.sessions_revoked",
      target: { type: "user", id: String(session.userId) },
      after: { sessions: ids.length, scope: "others" },
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return ids;
  });
  await announceEach(services, session.userId, revoked);
  return { revoked: revoked.length };
}

/** Tells the gateways to close the sockets of each revoked session. */
export async function announceEach(
  services: Services,
  userId: number,
  sessionIds: readonly string[],
): Promise<void> {
  for (const sessionId of sessionIds) await announceRevocation(services, { userId, sessionId });
}

/**
 * Inside an account-wide change's transaction: waits for any other change to the account's
 * sessions, then refuses unless the caller's session still stands (it may have been revoked
 * while the request was on its way, or while its password was being hashed).
 */
export async function requireStandingSession(
  tx: Tx,
  userId: number,
  sessionId: string,
  now: Date,
): Promise<void> {
  if (!(await lockSessionsAndCheck(tx, userPrincipal(userId), sessionId, now))) {
    throw new AppError(
      AppErrorCode.UNAUTHENTICATED,
      "Your session has ended. Please log in again.",
    );
  }
}

export function requireSessionId(sessionId: string | undefined): string {
  if (!sessionId) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  return sessionId;
}
