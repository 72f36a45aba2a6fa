import { exchangeProxy } from "@exchange/ui/server";
import type { NextRequest } from "next/server";
import { adminEnv } from "@/env";

/** Per-request script nonce and policy, and the client's trusted address (see exchangeProxy). */
export function proxy(request: NextRequest) {
  const env = adminEnv();
  return exchangeProxy(request, {
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    development: env.NODE_ENV === "development",
  });
}

// Everything but Next's build assets, which are the same for everyone and carry no page.
export const config = { matcher: "/((?!_next/static|_next/image|favicon.ico).*)" };
