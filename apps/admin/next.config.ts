import { exchangeNextConfig } from "@exchange/ui/next-config";

export default exchangeNextConfig({
  // `forbidden()` and forbidden.tsx: section pages answer 403 to staff whose roles do not allow them.
  experimental: { authInterrupts: true },
  // Workspace packages export TypeScript source; Next compiles them like app code.
  transpilePackages: [
    "@exchange/api",
    "@exchange/contracts",
    "@exchange/db",
    "@exchange/protocol",
    "@exchange/core",
    "@exchange/ui",
  ],
  // The console is for staff only: search engines must not index it.
  extraHeaders: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }],
});
