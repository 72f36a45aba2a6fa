import { traderRouter } from "@exchange/api";
import { logUnexpectedApiError } from "@exchange/ui/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createTraderContext } from "@/server/trpc-context";

function handleTrpc(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: traderRouter,
    createContext: () => createTraderContext(req.headers),
    onError: logUnexpectedApiError,
  });
}

export { handleTrpc as GET, handleTrpc as POST };
