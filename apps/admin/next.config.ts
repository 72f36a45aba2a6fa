import type { NextConfig } from "next";

/** Headers every answer carries: the console is never framed, sniffed or indexed. */
const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "X-Robots-Tag", value: "noindex, nofollow" },
];

const nextConfig: NextConfig = {
  // `forbidden()` and forbidden.tsx: section pages answer 403 to staff whose roles do not allow them.
  experimental: { authInterrupts: true },
  // Workspace packages export TypeScript source; Next compiles them like app code.
  transpilePackages: [
    "@exchange/api",
    "@exchange/db",
    "@exchange/protocol",
    "@exchange/core",
    "@exchange/ui",
  ],
  // A native addon: loaded by Node at run time, never bundled.
  serverExternalPackages: ["@node-rs/argon2"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
