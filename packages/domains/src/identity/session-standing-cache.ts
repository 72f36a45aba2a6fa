import {
  decodeSessionRevocation,
  type SessionRevocation,
  sessionRevocationChannel,
} from "@exchange/protocol";
import type { Redis } from "ioredis";
import type { Services } from "../services";
import { findSession } from "./session-repository";
import { findUserStatus } from "./user-repository";

/**
 * A process's memory of which trader sessions stand, so that the session check every API
 * request makes (identity/sessions.ts `currentSessionUser`: the user's status and the session's
 * row) costs a map lookup instead of two queries.
 *
 * How stale an answer may be, and why a revoked session is still refused:
 * - every revocation (log-out, a session ended from the list, password reset, suspension) is
 *   announced on Redis (`announceRevocation`); `listen()` drops the matching entries the moment
 *   the message arrives, so a revoked session is refused within the pub/sub delay (milliseconds);
 * - a message can be missed (the subscriber was reconnecting): every entry is trusted for at most
 *   `SESSION_STANDING_TTL_MS` after it was read, and a reconnect forgets everything;
 * - an entry also remembers the session's own expiry, so an expired session is never answered
 *   from memory.
 * Both answers are kept: a session that does not stand never stands again (revocation and expiry
 * are final; a suspended user's sessions are revoked with the suspension).
 */

/** The longest a standing read from the database is trusted without reading it again. */
export const SESSION_STANDING_TTL_MS = 5_000;

/** Sessions remembered at most; the oldest read is forgotten first. */
const MAX_ENTRIES = 50_000;

/** A session's standing as last read: its trader, or null when it does not stand. */
interface Standing {
  user: { id: number; email: string } | null;
  userId: number;
  expiresAtMs: number;
  readAtMs: number;
}

export class SessionStandingCache {
  private readonly entries = new Map<string, Standing>();
  private subscriber: Redis | undefined;
  /** Counts revocations heard: a read that overlapped one may predate it and is not kept. */
  private revocationsHeard = 0;

  constructor(
    private readonly services: Pick<Services, "db" | "clock" | "redis" | "redisPrefix">,
    private readonly ttlMs: number = SESSION_STANDING_TTL_MS,
  ) {}

  /** The session's trader if the account is active and the session stands, else null. */
  async currentUser(session: {
    userId: number;
    sessionId: string;
  }): Promise<{ id: number; email: string } | null> {
    const now = this.services.clock.now();
    const known = this.entries.get(session.sessionId);
    if (known && this.isFresh(known, now)) {
      return known.userId === session.userId && known.expiresAtMs > now ? known.user : null;
    }
    const heardBefore = this.revocationsHeard;
    const standing = await this.read(session, now);
    if (heardBefore === this.revocationsHeard) this.remember(session.sessionId, standing);
    return standing.user;
  }

  /** Forgets what a revocation ended: one session, or every session of the user. */
  forget(revocation: SessionRevocation): void {
    this.revocationsHeard++;
    if (revocation.sessionId !== null) {
      this.entries.delete(revocation.sessionId);
      return;
    }
    for (const [sessionId, standing] of this.entries) {
      if (standing.userId === revocation.userId) this.entries.delete(sessionId);
    }
  }

  /**
   * Follows the revocation channel on a connection of its own. Anything announced while the
   * connection was down is unknown, so a reconnect forgets every entry.
   */
  async listen(): Promise<void> {
    if (this.subscriber) return;
    const subscriber = this.services.redis.duplicate();
    this.subscriber = subscriber;
    const channel = sessionRevocationChannel(this.services.redisPrefix);
    subscriber.on("message", (from: string, text: string) => {
      const revocation = from === channel ? decodeSessionRevocation(text) : undefined;
      if (revocation) this.forget(revocation);
    });
    subscriber.on("ready", () => {
      this.revocationsHeard++;
      this.entries.clear();
    });
    // Redis errors are retried by the client; until it is back the TTL bounds what is trusted.
    subscriber.on("error", () => {});
    await subscriber.subscribe(channel);
  }

  async close(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    this.entries.clear();
    await subscriber?.quit().catch(() => subscriber.disconnect());
  }

  private isFresh(standing: Standing, now: number): boolean {
    const age = now - standing.readAtMs;
    // A negative age means the clock was set back (tests set one): read again.
    return age >= 0 && age < this.ttlMs;
  }

  private async read(
    session: { userId: number; sessionId: string },
    now: number,
  ): Promise<Standing> {
    const [user, row] = await Promise.all([
      findUserStatus(this.services.db, session.userId),
      findSession(this.services.db, session.sessionId),
    ]);
    const expiresAtMs = row?.expiresAt.getTime() ?? 0;
    const stands =
      user?.status === "ACTIVE" &&
      row !== null &&
      row.principalType === "USER" &&
      row.principalId === session.userId &&
      row.revokedAt === null &&
      expiresAtMs > now;
    return {
      user: stands ? { id: user.id, email: user.email } : null,
      userId: session.userId,
      expiresAtMs,
      readAtMs: now,
    };
  }

  private remember(sessionId: string, standing: Standing): void {
    this.entries.delete(sessionId);
    this.entries.set(sessionId, standing);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
