import { authCookieConfig } from "@exchange/ui/server";
import { decode, encode, type JWT } from "next-auth/jwt";

/**
 * The trader's Auth.js session cookie, read without Auth.js's request handling: the API's lean
 * transport (trpc-http.ts) checks it on every request, and Auth.js would decrypt the JWE and
 * encrypt and set a fresh one each time. Same format, secret and salt (the cookie's name) as
 * auth.ts, so a cookie either side wrote reads on the other.
 */

/** Prefix of the web app's cookie names (see `authCookieConfig`). */
export const SESSION_COOKIE_PREFIX = "exchange-web";

/** How long a session cookie lives after it was last written. */
export const SESSION_MAX_AGE_S = 24 * 60 * 60;

/** Decoded cookies remembered at most; the oldest decoded is forgotten first. */
const MAX_DECODED = 20_000;

/** What a valid cookie says: who, which server-side session, and until when. */
export interface SessionClaims {
  userId: number;
  sessionId: string;
  expiresAtMs: number;
  token: JWT;
}

/** The cookie's name on this request's scheme (`__Host-` prefixed over HTTPS). */
export function sessionCookieName(secure: boolean): string {
  return authCookieConfig(SESSION_COOKIE_PREFIX, secure).cookies?.sessionToken?.name ?? "";
}

/**
 * A cookie's value from a Cookie header. For the session cookie: Auth.js would split a value too long for one
 * cookie into numbered chunks; this app's tokens (an id, an email, a session id) are a fraction
 * of that size, so a split cookie is not one this app wrote and reads as no session.
 */
export function cookieValue(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

/**
 * Decodes session cookies, remembering each value's claims, so a cookie is decrypted once and
 * not on every request (a cookie's content never changes; only its expiry is rechecked).
 */
export class SessionCookies {
  private readonly decoded = new Map<string, SessionClaims | null>();

  constructor(private readonly secret: string) {}

  /** The claims of a valid, unexpired cookie, or null. */
  async claims(value: string, name: string, nowMs: number): Promise<SessionClaims | null> {
    const key = `${name}=${value}`;
    let claims = this.decoded.get(key);
    if (claims === undefined) {
      claims = claimsOf(
        await decode({ token: value, secret: this.secret, salt: name }).catch(() => null),
      );
      this.decoded.set(key, claims);
      if (this.decoded.size > MAX_DECODED) {
        const oldest = this.decoded.keys().next().value;
        if (oldest !== undefined) this.decoded.delete(oldest);
      }
    }
    return claims && claims.expiresAtMs > nowMs ? claims : null;
  }

  /**
   * A fresh cookie for claims past half their life, else undefined: sessions slide as they did
   * when Auth.js rewrote the cookie on each request, without encrypting one per request.
   */
  async refreshed(
    claims: SessionClaims,
    cookie: { name: string; secure: boolean },
    nowMs: number,
  ): Promise<string | undefined> {
    if (claims.expiresAtMs - nowMs > (SESSION_MAX_AGE_S * 1000) / 2) return undefined;
    const { iat: _iat, exp: _exp, jti: _jti, ...token } = claims.token;
    const value = await encode({
      token,
      secret: this.secret,
      salt: cookie.name,
      maxAge: SESSION_MAX_AGE_S,
    });
    const expires = new Date(nowMs + SESSION_MAX_AGE_S * 1000).toUTCString();
    const secure = cookie.secure ? "; Secure" : "";
    return `${cookie.name}=${value}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax${secure}`;
  }
}

function claimsOf(token: JWT | null): SessionClaims | null {
  const userId = Number(token?.sub);
  const sessionId = token?.sid;
  const exp = token?.exp;
  if (!token || !Number.isSafeInteger(userId) || userId <= 0) return null;
  if (typeof sessionId !== "string" || sessionId.length === 0 || typeof exp !== "number") {
    return null;
  }
  return { userId, sessionId, expiresAtMs: exp * 1000, token };
}
