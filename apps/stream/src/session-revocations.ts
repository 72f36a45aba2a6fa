import {
  decodeSessionRevocation,
  type Logger,
  type SessionRevocation,
  STREAM_TOKEN_TTL_MS,
  type StreamTokenClaims,
  sessionRevocationChannel,
} from "@exchange/protocol";
import type { Redis } from "ioredis";

/** An authenticated connection, as revocation sees it. */
export interface RevocableConnection {
  readonly session: { userId: number; sessionId: string | undefined } | undefined;
  /** Stops private events at once: the connection is closed with a reason the client sees. */
  endSession(): void;
}

/**
 * Closes the connections of sessions the API ended (log-out, password reset, suspension), as
 * the API announces them on Redis pub/sub, so a logged-out or suspended user's open socket stops
 * receiving private events within moments. Revocations are remembered for a token's lifetime:
 * a stream token issued just before its session ended cannot authenticate a new socket after.
 */
export class SessionRevocations {
  private readonly channel: string;
  /** Revoked session id → when its memory may be dropped. */
  private readonly revokedSessions = new Map<string, number>();
  /** User id → time of the latest revocation of all their sessions. */
  private readonly revokedUsers = new Map<number, number>();

  constructor(
    private readonly subscriberRedis: Redis,
    prefix: string,
    private readonly connections: Iterable<RevocableConnection>,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.channel = sessionRevocationChannel(prefix);
    subscriberRedis.on("message", (channel: string, message: string) => {
      if (channel === this.channel) this.receive(message);
    });
  }

  /** Subscribes; resolves once Redis confirmed, so revocations from then on are acted on. */
  async start(): Promise<void> {
    await this.subscriberRedis.subscribe(this.channel);
  }

  /** Whether a token's session has been ended since it was issued. */
  isRevoked(claims: StreamTokenClaims): boolean {
    this.forgetOld();
    if (claims.sessionId !== undefined && this.revokedSessions.has(claims.sessionId)) return true;
    const userRevokedAt = this.revokedUsers.get(claims.userId);
    // A token is issued TTL before it expires; one expiring before this was issued before it.
    return userRevokedAt !== undefined && claims.expiresAtMs - STREAM_TOKEN_TTL_MS <= userRevokedAt;
  }

  private receive(message: string): void {
    const revocation = decodeSessionRevocation(message);
    if (!revocation) {
      this.log.warn("malformed session revocation", { message: message.slice(0, 200) });
      return;
    }
    this.remember(revocation);
    let closed = 0;
    for (const connection of this.connections) {
      if (matches(connection.session, revocation)) {
        connection.endSession();
        closed += 1;
      }
    }
    if (closed > 0) this.log.info("closed revoked sessions", { userId: revocation.userId, closed });
  }

  private remember(revocation: SessionRevocation): void {
    const nowMs = this.now();
    if (revocation.sessionId === null) this.revokedUsers.set(revocation.userId, nowMs);
    else this.revokedSessions.set(revocation.sessionId, nowMs + STREAM_TOKEN_TTL_MS);
  }

  private forgetOld(): void {
    const nowMs = this.now();
    for (const [sessionId, until] of this.revokedSessions) {
      if (until < nowMs) this.revokedSessions.delete(sessionId);
    }
    for (const [userId, at] of this.revokedUsers) {
      if (at + STREAM_TOKEN_TTL_MS < nowMs) this.revokedUsers.delete(userId);
    }
  }
}

function matches(session: RevocableConnection["session"], revocation: SessionRevocation): boolean {
  if (session === undefined || session.userId !== revocation.userId) return false;
  return revocation.sessionId === null || revocation.sessionId === session.sessionId;
}
