import { createServices, type Services } from "@exchange/api";
import { adminEnv } from "@/env";

/**
 * One set of connections (Prisma pool, engine bus client) per server process. Kept on
 * `globalThis` because dev-mode hot reloads re-evaluate modules and would otherwise open a
 * new pool and Redis pair on every edit.
 */
const holder = globalThis as typeof globalThis & { __exchangeAdminServices?: Promise<Services> };

export function getServices(): Promise<Services> {
  holder.__exchangeAdminServices ??= connect();
  return holder.__exchangeAdminServices;
}

function connect(): Promise<Services> {
  const env = adminEnv();
  return createServices({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
  }).catch((error: unknown) => {
    // Forget the failed attempt so the next request retries instead of failing forever.
    holder.__exchangeAdminServices = undefined;
    throw error;
  });
}
