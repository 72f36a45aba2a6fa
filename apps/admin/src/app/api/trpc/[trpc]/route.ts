import { adminRouter } from "@exchange/api";
import { logUnexpectedApiError } from "@exchange/ui/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createAdminContext } from "@/server/trpc-context";

function handleTrpc(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: adminRouter,
    createContext: () => createAdminContext(req.headers),
    onError: logUnexpectedApiError,
  });
}

export { handleTrpc as GET, handleTrpc as POST };
