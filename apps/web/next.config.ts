import { exchangeNextConfig } from "@exchange/ui/next-config";

export default exchangeNextConfig({
  // Workspace packages export TypeScript source; Next compiles them like app code.
  transpilePackages: [
    "@exchange/api",
    "@exchange/contracts",
    "@exchange/db",
    "@exchange/protocol",
    "@exchange/core",
    "@exchange/ui",
  ],
});
