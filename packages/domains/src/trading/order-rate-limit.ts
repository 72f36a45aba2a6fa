import { hitRateLimit, type RateLimit } from "../identity/rate-limit";
import type { Services } from "../services";

/** What a trader may do at most so often: placing orders, and cancelling them (one or all). */
export type OrderAction = "place" | "cancel";

/** Most actions of one kind per trader per second and per minute (ORDER_RATE_* settings). */
export interface OrderRateLimits {
  placePerSecond: number;
  placePerMinute: number;
  cancelPerSecond: number;
  cancelPerMinute: number;
}

/**
 * Defaults: a person clicking never comes near them; a script can still quote actively, but
 * cannot flood the engine's command stream for everyone else.
 */
export const DEFAULT_ORDER_RATE_LIMITS: OrderRateLimits = {
  placePerSecond: 10,
  placePerMinute: 300,
  cancelPerSecond: 20,
  cancelPerMinute: 600,
};

function limitsOf(action: OrderAction, limits: OrderRateLimits): RateLimit[] {
  const [perSecond, perMinute] =
    action === "place"
      ? [limits.placePerSecond, limits.placePerMinute]
      : [limits.cancelPerSecond, limits.cancelPerMinute];
  return [
    { name: `order-${action}-s`, limit: perSecond, windowMs: 1_000 },
    { name: `order-${action}-min`, limit: perMinute, windowMs: 60_000 },
  ];
}

/**
 * Counts one order action of `userId` in Redis (shared by every app instance); throws
 * RATE_LIMITED, saying when to retry, once over either limit. Runs before the command is sent,
 * so a refused action never reaches the engine.
 */
export async function limitOrderRate(
  services: Services,
  userId: number,
  action: OrderAction,
): Promise<void> {
  const limits = services.orderRateLimits ?? DEFAULT_ORDER_RATE_LIMITS;
  const what = action === "place" ? "Too many orders." : "Too many cancels.";
  for (const limit of limitsOf(action, limits)) {
    await hitRateLimit(services.redis, services.redisPrefix, limit, `user:${userId}`, what);
  }
}
