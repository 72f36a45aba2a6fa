import { adminEnv } from "./env";

/**
 * Runs once when the server starts: refuse to serve with a broken configuration, then start
 * the metrics and the operations port, and connect the services, which start this process's
 * heartbeat (the System page lists it from the start). Node.js only: the edge runtime has no
 * sockets to offer (NEXT_RUNTIME is Next's own flag, not configuration).
 */
export async function register() {
  const env = adminEnv();
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAppOpsServer } = await import("@exchange/ui/ops-server");
  startAppOpsServer({ app: "admin", port: env.ADMIN_OPS_PORT, host: env.ADMIN_OPS_HOST });
  const { getServices } = await import("./server/services");
  await getServices().catch(() => undefined);
}
