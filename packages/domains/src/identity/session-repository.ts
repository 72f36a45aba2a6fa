import type { Store, Tx } from "../services";
import type { PrincipalType } from "./identity-enums";
import { boundUserAgent } from "./user-agent";

/**
 * Server-side sessions' repository: the only code that touches `auth_sessions`. A row names
 * its principal (trader or staff), its expiry, when it was revoked and when its holder last
 * proved their factors (step-up). The rules (what "stands", how recent a step-up must be) live
 * in sessions.ts and step-up.ts; this file only stores and reads rows.
 */
export interface SessionPrincipal {
  type: PrincipalType;
  id: number;
}

export interface SessionRow {
  principalType: PrincipalType;
  principalId: number;
  expiresAt: Date;
  revokedAt: Date | null;
  steppedUpAt: Date;
}

/** Stores a new session, dropping the principal's sessions that expired before `createdAt`. */
export async function insertSession(
  db: Store,
  session: {
    id: string;
    principal: SessionPrincipal;
    createdAt: Date;
    expiresAt: Date;
    ip?: string | undefined;
    userAgent?: string | undefined;
  },
): Promise<void> {
  const { principal, createdAt } = session;
  await db.authSession.deleteMany({
    where: {
      principalType: principal.type,
      principalId: principal.id,
      expiresAt: { lt: createdAt },
    },
  });
  await db.authSession.create({
    data: {
      id: session.id,
      principalType: principal.type,
      principalId: principal.id,
      createdAt,
      expiresAt: session.expiresAt,
      steppedUpAt: createdAt,
      ip: session.ip ?? null,
      userAgent: boundUserAgent(session.userAgent) ?? null,
    },
  });
}

/** A live session as its owner sees it in their list. */
export interface LiveSessionRow {
  id: string;
  createdAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** The principal's sessions that still stand at `now` (not revoked, not expired), newest first. */
export function findLiveSessions(
  db: Store,
  principal: SessionPrincipal,
  now: Date,
): Promise<LiveSessionRow[]> {
  return db.authSession.findMany({
    where: {
      principalType: principal.type,
      principalId: principal.id,
      revokedAt: null,
      expiresAt: { gt: now },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, ip: true, userAgent: true },
  });
}

/**
 * Revokes the principal's live sessions other than `keepId` at `now`, inside the caller's
 * transaction; answers the ids it revoked, so their sockets can be told.
 */
export async function revokeOtherSessions(
  tx: Tx,
  principal: SessionPrincipal,
  keepId: string,
  now: Date,
): Promise<string[]> {
  const others = await tx.authSession.findMany({
    where: {
      principalType: principal.type,
      principalId: principal.id,
      revokedAt: null,
      id: { not: keepId },
    },
    select: { id: true },
  });
  if (others.length === 0) return [];
  const ids = others.map((row) => row.id);
  await tx.authSession.updateMany({
    where: { id: { in: ids }, revokedAt: null },
    data: { revokedAt: now },
  });
  return ids;
}

export function findSession(db: Store, sessionId: string): Promise<SessionRow | null> {
  return db.authSession.findUnique({
    where: { id: sessionId },
    select: {
      principalType: true,
      principalId: true,
      expiresAt: true,
      revokedAt: true,
      steppedUpAt: true,
    },
  });
}

/** Marks one session revoked at `now` (no-op when it already is). */
export async function revokeSession(db: Store, sessionId: string, now: Date): Promise<void> {
  await db.authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: now },
  });
}

/** Marks every live session of the principal revoked at `now`, inside the caller's transaction. */
export async function revokeAllSessions(
  tx: Tx,
  principal: SessionPrincipal,
  now: Date,
): Promise<void> {
  await tx.authSession.updateMany({
    where: { principalType: principal.type, principalId: principal.id, revokedAt: null },
    data: { revokedAt: now },
  });
}

/** Records a step-up on a live session of the principal; false when no such session stands. */
export async function markSessionSteppedUp(
  db: Store,
  session: { id: string; principal: SessionPrincipal; now: Date },
): Promise<boolean> {
  const { principal, now } = session;
  const updated = await db.authSession.updateMany({
    where: {
      id: session.id,
      principalType: principal.type,
      principalId: principal.id,
      revokedAt: null,
      expiresAt: { gt: now },
    },
    data: { steppedUpAt: now },
  });
  return updated.count === 1;
}

/**
 * Locks every session row of the principal (in id order, so two callers never deadlock) and
 * says whether `sessionId` still stands at `now`. Account-wide changes (a new password, logging
 * sessions out) run behind it, one at a time per account, so a session revoked a moment ago can
 * no longer make one.
 */
export async function lockSessionsAndCheck(
  tx: Tx,
  principal: SessionPrincipal,
  sessionId: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string; revoked_at: Date | null; expires_at: Date }[]>`
    SELECT id, revoked_at, expires_at FROM auth_sessions
    WHERE principal_type = ${principal.type}::"PrincipalType" AND principal_id = ${principal.id}
    ORDER BY id FOR UPDATE`;
  const own = rows.find((row) => row.id === sessionId);
  return own !== undefined && own.revoked_at === null && own.expires_at > now;
}
