import type { Redis } from "ioredis";
import { forgetTradingPermission } from "../kyc/kyc-levels";
import type { Services } from "../services";

/**
 * A user's standing changed (a restriction set or lifted, a suspension): announced on Redis so
 * that every process placing orders forgets what it remembered of the user at once, instead of
 * trusting it for up to `TRADING_PERMISSION_TTL_MS`. The message is the user's id.
 */

/** The channel of standing changes (one per deployment prefix). */
export function standingChangeChannel(prefix: string): string {
  return `${prefix}users:standing`;
}

/**
 * Tells every process that the user's standing changed, this one first (it need not hear its own
 * message: it forgets at once). Best effort: the change is committed, and a lost message costs
 * at most the remembered permission's lifetime, so a failed publish is logged, never thrown.
 */
export async function announceStandingChange(
  services: Pick<Services, "db" | "redis" | "redisPrefix" | "log">,
  userId: number,
): Promise<void> {
  forgetTradingPermission(services.db, userId);
  try {
    await services.redis.publish(standingChangeChannel(services.redisPrefix), String(userId));
  } catch (error) {
    services.log.warn("user standing change not announced", { error, userId });
  }
}

/**
 * Follows the announcements on a connection of its own and forgets the user's remembered
 * trading permission on each. Returns the function that stops following.
 */
export async function followStandingChanges(
  services: Pick<Services, "db" | "redis" | "redisPrefix">,
): Promise<() => Promise<void>> {
  const subscriber: Redis = services.redis.duplicate();
  const channel = standingChangeChannel(services.redisPrefix);
  subscriber.on("message", (from: string, text: string) => {
    const userId = Number(text);
    if (from === channel && Number.isSafeInteger(userId))
      forgetTradingPermission(services.db, userId);
  });
  // Redis errors are retried by the client; until it is back the TTL bounds what is trusted.
  subscriber.on("error", () => {});
  await subscriber.subscribe(channel);
  return async () => {
    await subscriber.quit().catch(() => subscriber.disconnect());
  };
}
