import { DEFAULT_ORDER_RATE_LIMITS } from "@exchange/domains/trading/order-rate-limit";
import { loadEnv } from "@exchange/protocol";
import {
  type EnvOf,
  type EnvSource,
  intVar,
  parseEnv,
  portVar,
  sharedEnv,
} from "@exchange/protocol/env";
import { z } from "zod";

/**
 * The trading gateway's variables. This module is the only one of the gateway that reads
 * `process.env`. The rate-limit bounds default to Binance's published ones.
 */
const gatewayEnvShape = {
  DATABASE_URL: sharedEnv.DATABASE_URL,
  REDIS_URL: sharedEnv.REDIS_URL,
  REDIS_PREFIX: sharedEnv.REDIS_PREFIX,
  GATEWAY_PORT: portVar(3600, 1),
  GATEWAY_HOST: z.string().default("127.0.0.1"),
  /**
   * Port of the operations server (/health, /metrics) on GATEWAY_OPS_HOST: the metrics stay off
   * the public API port, where bots (and anyone) reach; 0 disables it.
   */
  GATEWAY_OPS_PORT: portVar(3601),
  GATEWAY_OPS_HOST: z.string().default("127.0.0.1"),
  /** Where clients reach this gateway, as the API reference names it; unset: relative ("/"). */
  GATEWAY_PUBLIC_URL: z.string().url().optional(),
  /**
   * Key that decrypts API-key secrets at rest (as it does TOTP secrets); the signed routes need
   * it, the public ones do not.
   */
  TWO_FACTOR_KEY: sharedEnv.TWO_FACTOR_KEY.optional(),
  /** Request weight one client address may use per minute (Binance: 6000). */
  GATEWAY_WEIGHT_PER_MINUTE: intVar(6_000, 1),
  /** Refusals (429) in one minute an address may ignore before it is banned (418). */
  GATEWAY_STRIKES_BEFORE_BAN: intVar(10, 0),
  /** Length of a first ban; each further one within the longest ban's span doubles it. */
  GATEWAY_BAN_BASE_MS: intVar(120_000, 1_000),
  /** Longest ban (Binance: 3 days). */
  GATEWAY_BAN_MAX_MS: intVar(259_200_000, 1_000),
  /**
   * A trader's order rate limits (shared with the web app through Redis: the same names and
   * defaults as its ORDER_RATE_* variables, the API's DEFAULT_ORDER_RATE_LIMITS).
   */
  ORDER_RATE_PLACE_PER_SECOND: intVar(DEFAULT_ORDER_RATE_LIMITS.placePerSecond, 1),
  ORDER_RATE_PLACE_PER_MINUTE: intVar(DEFAULT_ORDER_RATE_LIMITS.placePerMinute, 1),
  ORDER_RATE_CANCEL_PER_SECOND: intVar(DEFAULT_ORDER_RATE_LIMITS.cancelPerSecond, 1),
  ORDER_RATE_CANCEL_PER_MINUTE: intVar(DEFAULT_ORDER_RATE_LIMITS.cancelPerMinute, 1),
  /** Reverse proxies in front of the gateway, each appending to X-Forwarded-For (0: none). */
  TRUSTED_PROXY_HOPS: sharedEnv.TRUSTED_PROXY_HOPS,
  LOG_LEVEL: sharedEnv.LOG_LEVEL,
};

export type GatewayEnv = EnvOf<typeof gatewayEnvShape>;

/** Validates the gateway's variables in `source`; throws an EnvError naming each bad one. */
export function parseGatewayEnv(source: EnvSource): GatewayEnv {
  return parseEnv({ name: "gateway", shape: gatewayEnvShape, source });
}

/** The gateway's environment, validated once at start-up; a bad one exits with its message. */
export function readGatewayEnv(): GatewayEnv {
  return loadEnv({ name: "gateway", shape: gatewayEnvShape, source: process.env });
}
