import type { NextConfig } from "next";

/** Headers every page and API answer carries: an exchange must never be framed or sniffed. */
const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
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
