import { headers } from "next/headers";
import type { NextAuthConfig } from "next-auth";

/**
 * Cookie names of this app's Auth.js instance. Web and admin both run on localhost in
 * development and tests, and browsers do not isolate cookies by port: with Auth.js's default
 * names the two apps would overwrite each other's session, so each app names its own.
 *
 * Over HTTPS the names carry the browser-enforced prefixes: `__Host-` (Secure, path /, no
 * Domain: no subdomain or plain-http page can set or overwrite it) for the session and CSRF
 * cookies, `__Secure-` for the callback URL, as Auth.js does. Plain HTTP (dev, tests) keeps
 * plain names, which browsers would otherwise refuse. Options (httpOnly, sameSite, secure) keep
 * Auth.js's defaults, which follow the same `secure` decision (`useSecureCookies`).
 */
export function authCookieConfig(
  prefix: string,
  secure: boolean,
): Pick<NextAuthConfig, "cookies" | "useSecureCookies"> {
  const host = secure ? "__Host-" : "";
  const onlySecure = secure ? "__Secure-" : "";
  return {
    useSecureCookies: secure,
    cookies: {
      sessionToken: { name: `${host}${prefix}.session-token` },
      callbackUrl: { name: `${onlySecure}${prefix}.callback-url` },
      csrfToken: { name: `${host}${prefix}.csrf-token` },
    },
  };
}

/**
 * Whether the browser reached this app over HTTPS: the request's own scheme, or the
 * `X-Forwarded-Proto` its TLS-terminating proxy sets (as Auth.js itself reads it). Without a
 * request (server components, actions), the current request's headers.
 */
export async function requestIsHttps(request: Request | undefined): Promise<boolean> {
  const requestHeaders = request?.headers ?? (await headers());
  const forwarded = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (forwarded) return forwarded === "https";
  return request ? new URL(request.url).protocol === "https:" : false;
}
