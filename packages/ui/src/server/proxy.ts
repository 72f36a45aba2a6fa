import { type NextRequest, NextResponse } from "next/server";
import { withTrustedClientAddress } from "./client-ip";

export interface ExchangeProxyOptions {
  /** Reverse proxies in front of the app (TRUSTED_PROXY_HOPS). */
  trustedProxyHops: number;
  /** Where pages may connect beyond their own origin: the WebSocket gateway's origin. */
  connectSources?: string[];
  /** `next dev`: React's development build evaluates code, and the page reloads over a socket. */
  development: boolean;
}

/**
 * The Content-Security-Policy of one response. Scripts run only from the app's origin or with
 * this response's nonce (Next adds it to its own scripts when it finds the policy in the
 * request headers) and whatever they load ('strict-dynamic'): an injected inline script or
 * event handler does not run. Styles may be inline: components set widths and grid areas in
 * style attributes, and styles cannot run code. Images and fonts allow data: URIs (QR codes).
 */
export function contentSecurityPolicy(nonce: string, options: ExchangeProxyOptions): string {
  const scripts = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`];
  if (options.development) scripts.push(`'unsafe-eval'`);
  const directives = [
    `default-src 'self'`,
    `script-src ${scripts.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src ${["'self'", ...(options.connectSources ?? [])].join(" ")}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ];
  return directives.join("; ");
}

/** A script nonce for one response: 122 random bits, base64. */
export function freshNonce(): string {
  return btoa(crypto.randomUUID());
}

/**
 * The `proxy` of both apps, run before every route: a fresh nonce and the policy that names it
 * (on the request, where Next reads it, and on the response), and the client's address as the
 * trusted proxies report it (see withTrustedClientAddress).
 */
export function exchangeProxy(request: NextRequest, options: ExchangeProxyOptions): NextResponse {
  const policy = contentSecurityPolicy(freshNonce(), options);
  const headers = withTrustedClientAddress(request.headers, options.trustedProxyHops);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}
