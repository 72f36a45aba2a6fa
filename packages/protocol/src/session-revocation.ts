/**
 * When a trader's sessions end on the server (log-out, password reset, suspension), the API
 * publishes this on Redis pub/sub; every WebSocket gateway closes the matching authenticated
 * connections, so private events stop within moments instead of when the socket happens to drop.
 */
export interface SessionRevocation {
  userId: number;
  /** The one session logged out, or null for every session of the user. */
  sessionId: string | null;
}

/** The channel the gateways subscribe to (one per deployment prefix). */
export function sessionRevocationChannel(prefix: string): string {
  return `${prefix}sessions:revoked`;
}

export function encodeSessionRevocation(revocation: SessionRevocation): string {
  return JSON.stringify({ u: revocation.userId, s: revocation.sessionId });
}

/** The revocation a message carries, or undefined when it is not one. */
export function decodeSessionRevocation(text: string): SessionRevocation | undefined {
  try {
    const { u, s } = JSON.parse(text) as { u: unknown; s: unknown };
    if (!Number.isSafeInteger(u) || (u as number) <= 0) return undefined;
    if (s !== null && (typeof s !== "string" || s.length === 0 || s.length > 100)) return undefined;
    return { userId: u as number, sessionId: s };
  } catch {
    return undefined;
  }
}
