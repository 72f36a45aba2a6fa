import { adminRouter } from "@exchange/api";
import { refuseOversizedBatch } from "@exchange/ui";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createAdminContext } from "@/server/trpc-context";

const endpoint = "/api/trpc";

function handleTrpc(req: Request) {
  return (
    refuseOversizedBatch(req, { endpoint }) ??
    fetchRequestHandler({
      endpoint,
      req,
      router: adminRouter,
      createContext: () => createAdminContext(req.headers),
    })
  );
}

export { handleTrpc as GET, handleTrpc as POST };
