import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Short-lived tokens with which a browser authenticates its WebSocket (`{"op":"auth"}`). The API
 * issues them to a logged-in user; the gateway verifies them statelessly with the shared secret,
 * so any number of gateway instances accept them. Form: base64url(payload).base64url(hmac).
 */
export interface StreamTokenClaims {
  userId: number;
  /** Epoch milliseconds after which the token is refused. */
  expiresAtMs: number;
  /**
   * The web session the token was issued to: the gateway closes the connection when that session
   * is revoked (session-revocation.ts). Absent only in tokens minted outside a session (tests).
   */
  sessionId?: string;
}

/**
 * How long a token opens a socket: long enough to connect, short enough not to matter if leaked.
 * The gateway also relies on it: a token expiring later than a revocation plus this was issued
 * after the revocation (apps/stream session-revocations.ts).
 */
export const STREAM_TOKEN_TTL_MS = 60_000;

export function signStreamToken(claims: StreamTokenClaims, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({ u: claims.userId, e: claims.expiresAtMs, s: claims.sessionId }),
  ).toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

/** The claims, or undefined when the token is forged, malformed or expired at `nowMs`. */
export function verifyStreamToken(
  token: string,
  secret: string,
  nowMs: number,
): StreamTokenClaims | undefined {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const { u, e, s } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (!Number.isSafeInteger(u) || u <= 0 || !Number.isSafeInteger(e) || e <= nowMs)
      return undefined;
    if (s !== undefined && typeof s !== "string") return undefined;
    return s === undefined
      ? { userId: u, expiresAtMs: e }
      : { userId: u, expiresAtMs: e, sessionId: s };
  } catch {
    return undefined;
  }
}

function mac(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

/** Redis pub/sub channel on which the gateways receive pushes for one stream channel. */
export function streamBusChannel(prefix: string, busName: string): string {
  return `${prefix}stream:${busName}`;
}
