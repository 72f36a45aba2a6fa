import { adminRouter } from "@exchange/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createAdminContext } from "@/server/trpc-context";

function handleTrpc(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: adminRouter,
    createContext: () => createAdminContext(req.headers),
    onError({ error, path }) {
      // Expected errors (bad input, wrong role…) are answers; only the unexpected are logged.
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
      }
    },
  });
}

export { handleTrpc as GET, handleTrpc as POST };
