import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

interface Header {
  key: string;
  value: string;
}

/**
 * Headers on every page and API answer of both apps: an exchange is never framed or sniffed,
 * and once reached over HTTPS is never reached over plain HTTP again (browsers ignore HSTS
 * received over HTTP, so local runs are unaffected). The Content-Security-Policy differs per
 * request (its script nonce): each app's proxy.ts sets it.
 */
export const SECURITY_HEADERS: Header[] = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/**
 * The Next.js settings both apps share, around what each app adds: its transpiled workspace
 * packages, experiments, and headers of its own; and translations (next-intl).
 */
export function exchangeNextConfig({
  extraHeaders = [],
  ...appConfig
}: NextConfig & { extraHeaders?: Header[] }): NextConfig {
  // Each app's language, time zone and catalog per request: src/i18n/request.ts.
  const withTranslations = createNextIntlPlugin("./src/i18n/request.ts");
  return withTranslations({
    // A native addon (password hashing in @exchange/db): loaded by Node at run time, never
    // bundled. prom-client too: one copy per process holds the registry and answers the
    // production cluster's primary (ops-server.ts).
    serverExternalPackages: ["@node-rs/argon2", "prom-client"],
    poweredByHeader: false,
    reactStrictMode: true,
    async headers() {
      return [{ source: "/:path*", headers: [...SECURITY_HEADERS, ...extraHeaders] }];
    },
    ...appConfig,
  });
}
