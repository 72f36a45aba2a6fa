import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError, AppErrorCode } from "../errors";

/**
 * Counters in Redis (rate-limiter-flexible's RateLimiterRedis) that refuse an action after
 * `limit` events within `windowMs`. A fixed window opened by the first event (one atomic
 * INCRBY, expiry set once): cheap, shared by every app instance, and the key's remaining life
 * is exactly how long the person must wait.
 */
export interface RateLimit {
  /** Names the counter in keys and logs: `login-account`, `register-ip`… */
  name: string;
  limit: number;
  windowMs: number;
}

const MINUTE_MS = 60_000;

/** The limits of the identity flows (issue 6: per IP and per account, in Redis). */
export const RATE_LIMITS = {
  /** Failed log-ins (wrong password or code) against one account. */
  logInAccount: { name: "login-account", limit: 10, windowMs: 15 * MINUTE_MS },
  /** Failed log-ins from one address, whatever the accounts. */
  logInIp: { name: "login-ip", limit: 30, windowMs: 15 * MINUTE_MS },
  registerIp: { name: "register-ip", limit: 5, windowMs: 60 * MINUTE_MS },
  /** Verification and reset mails from one address. */
  mailIp: { name: "mail-ip", limit: 10, windowMs: 60 * MINUTE_MS },
  /** One verification mail per account per minute (the resend cooldown). */
  verifyMailCooldown: { name: "verify-mail", limit: 1, windowMs: MINUTE_MS },
  resetMailCooldown: { name: "reset-mail", limit: 1, windowMs: MINUTE_MS },
  /** Failed step-up confirmations (password or code) of one account, e.g. turning 2FA off. */
  stepUpAccount: { name: "step-up-account", limit: 5, windowMs: 15 * MINUTE_MS },
} as const satisfies Record<string, RateLimit>;

/** What a counter's state means: whether the next event may happen, and if not, for how long. */
export function rateDecision(
  count: number,
  limit: number,
  remainingMs: number,
): { allowed: true } | { allowed: false; retryAfterMs: number } {
  if (count <= limit) return { allowed: true };
  return { allowed: false, retryAfterMs: Math.max(remainingMs, 1_000) };
}

/** "try again in 14 minutes" / "in 40 seconds": rounded up, never "0". */
export function retryAfterText(retryAfterMs: number): string {
  if (retryAfterMs < MINUTE_MS) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    return `${seconds} second${seconds === 1 ? "" : "s"}`;
  }
  const minutes = Math.ceil(retryAfterMs / MINUTE_MS);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function rateLimitedError(retryAfterMs: number, what = "Too many attempts."): AppError {
  return new AppError(
    AppErrorCode.RATE_LIMITED,
    `${what} Please try again in ${retryAfterText(retryAfterMs)}.`,
    undefined,
    undefined,
    Math.ceil(retryAfterMs / 1000),
  );
}

/** Rate-limit subject of one account, by the email typed (so unknown emails count too). */
export function accountSubject(kind: "user" | "staff", email: string): string {
  return `${kind}:${email}`;
}

/** One limiter per Redis client, key prefix and limit: each defines its Lua script once. */
const limiters = new WeakMap<Redis, Map<string, RateLimiterRedis>>();

/**
 * The rate-limiter-flexible counter of `limit`. Its keys are `${prefix}rl:${name}:${subject}`,
 * under the run's Redis prefix so parallel runs and tests never share a counter.
 */
function limiterOf(redis: Redis, prefix: string, limit: RateLimit): RateLimiterRedis {
  let byKey = limiters.get(redis);
  if (!byKey) {
    byKey = new Map();
    limiters.set(redis, byKey);
  }
  const keyPrefix = `${prefix}rl:${limit.name}`;
  const cacheKey = `${keyPrefix}|${limit.limit}|${limit.windowMs}`;
  let limiter = byKey.get(cacheKey);
  if (!limiter) {
    limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points: limit.limit,
      // Every window is a whole number of seconds (the library counts in seconds).
      duration: Math.ceil(limit.windowMs / 1000),
    });
    byKey.set(cacheKey, limiter);
  }
  return limiter;
}

/** The library refuses by rejecting with its result; anything else is a real failure. */
async function consumed(attempt: Promise<RateLimiterRes>): Promise<RateLimiterRes> {
  try {
    return await attempt;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return refusal;
    throw refusal;
  }
}

/** Counts one event and says whether it was within the limit. */
export async function countRateEvent(
  redis: Redis,
  prefix: string,
  limit: RateLimit,
  subject: string,
): Promise<ReturnType<typeof rateDecision>> {
  const result = await consumed(limiterOf(redis, prefix, limit).consume(subject));
  return rateDecision(result.consumedPoints, limit.limit, result.msBeforeNext);
}

/** Counts one event; throws RATE_LIMITED once over the limit. */
export async function hitRateLimit(
  redis: Redis,
  prefix: string,
  limit: RateLimit,
  subject: string,
  what?: string,
): Promise<void> {
  const decision = await countRateEvent(redis, prefix, limit, subject);
  if (!decision.allowed) throw rateLimitedError(decision.retryAfterMs, what);
}

/** Throws RATE_LIMITED if the counter is already at its limit, without counting. */
export async function checkRateLimit(
  redis: Redis,
  prefix: string,
  limit: RateLimit,
  subject: string,
  what?: string,
): Promise<void> {
  const state = await limiterOf(redis, prefix, limit).get(subject);
  const decision = rateDecision(
    (state?.consumedPoints ?? 0) + 1,
    limit.limit,
    state?.msBeforeNext ?? 0,
  );
  if (!decision.allowed) throw rateLimitedError(decision.retryAfterMs, what);
}

export async function clearRateLimit(
  redis: Redis,
  prefix: string,
  limit: RateLimit,
  subject: string,
): Promise<void> {
  await limiterOf(redis, prefix, limit).delete(subject);
}
