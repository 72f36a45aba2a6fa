import type { Services } from "../services";

/**
 * A revoked key is announced on Redis pub/sub so that every process checking signed requests
 * forgets it at once (api-key-authentication.ts), instead of trusting its cached copy for up to
 * `API_KEY_CACHE_TTL_MS`. The message is the key id, which is not a secret.
 */

/** The channel of revoked keys (one per deployment prefix). */
export function apiKeyRevocationChannel(prefix: string): string {
  return `${prefix}api-keys:revoked`;
}

/**
 * Tells every gateway to forget the key. Best effort: a lost message costs at most the cache's
 * lifetime, so a failed publish is logged, never thrown (the revocation itself is committed).
 */
export async function announceApiKeyRevoked(
  services: Pick<Services, "redis" | "redisPrefix" | "log">,
  apiKey: string,
): Promise<void> {
  try {
    await services.redis.publish(apiKeyRevocationChannel(services.redisPrefix), apiKey);
  } catch (error) {
    services.log.warn("api key revocation not announced", { error });
  }
}
