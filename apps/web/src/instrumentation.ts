import { webEnv } from "./env";

/**
 * Runs once when the server starts: refuse to serve with a broken configuration, then connect
 * the services, which start this process's heartbeat (the System page lists it from the start).
 */
export async function register() {
  webEnv();
  // Next calls this in each runtime; the services (Prisma, Redis) live in Node's only.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getServices } = await import("./server/services");
  await getServices().catch(() => undefined);
}
