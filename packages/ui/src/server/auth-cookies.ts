import type { NextAuthConfig } from "next-auth";

/**
 * Cookie names of this app's Auth.js instance. Web and admin both run on localhost in
 * development and tests, and browsers do not isolate cookies by port: with Auth.js's default
 * names the two apps would overwrite each other's session. Options (httpOnly, sameSite, secure
 * on HTTPS) keep Auth.js's defaults; only the names change.
 */
export function authCookieNames(prefix: string): NextAuthConfig["cookies"] {
  return {
    sessionToken: { name: `${prefix}.session-token` },
    callbackUrl: { name: `${prefix}.callback-url` },
    csrfToken: { name: `${prefix}.csrf-token` },
  };
}
