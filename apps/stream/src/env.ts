import { loadEnv } from "@exchange/protocol";
import { type EnvOf, type EnvSource, parseEnv, portVar, sharedEnv } from "@exchange/protocol/env";
import { z } from "zod";

/** The gateway's variables. This module is the only one of the gateway that reads `process.env`. */
const streamEnvShape = {
  REDIS_URL: sharedEnv.REDIS_URL,
  REDIS_PREFIX: sharedEnv.REDIS_PREFIX,
  /** Secret shared with the API, which signs the tokens clients send in `{"op":"auth"}`. */
  STREAM_TOKEN_SECRET: sharedEnv.STREAM_TOKEN_SECRET,
  STREAM_PORT: portVar(3200, 1),
  STREAM_HOST: z.string().default("127.0.0.1"),
  /**
   * Port of the operations server (/health, /metrics), on STREAM_OPS_HOST: kept off the public
   * WebSocket port so that the metrics are not served to the internet; 0 disables it.
   */
  STREAM_OPS_PORT: portVar(3201),
  STREAM_OPS_HOST: z.string().default("127.0.0.1"),
  /** Most channels one connection may hold at once. */
  STREAM_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).default(100),
  /** Largest client message accepted, in bytes; bigger ones close the connection. */
  STREAM_MAX_MESSAGE_BYTES: z.coerce.number().int().min(64).default(4_096),
  /** Client messages allowed per connection per second before it is told to slow down. */
  STREAM_MAX_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(20),
  /** Bytes queued for a client that does not read, beyond which it is disconnected. */
  STREAM_MAX_BUFFERED_BYTES: z.coerce.number().int().min(65_536).default(4_194_304),
  /** Interval of WebSocket pings; a connection that misses one is closed. */
  STREAM_HEARTBEAT_MS: z.coerce.number().int().min(100).default(30_000),
  /**
   * Bearer token of `POST /v1/mesh/publish`, by which other services push to a channel; the
   * endpoint answers 503 while unset.
   */
  STREAM_PUBLISH_TOKEN: z.string().min(16).optional(),
  /** Largest publish request body accepted, in bytes. */
  STREAM_PUBLISH_MAX_BYTES: z.coerce.number().int().min(256).default(65_536),
  /**
   * Web origins whose pages may open a connection (`https://exchange.example,…`). A browser
   * always sends its page's Origin; one not listed is refused (403), so another site cannot
   * open sockets with a visitor's browser. Clients that send no Origin (bots) are not browsers
   * and are let in. Empty: no browser page may connect.
   */
  STREAM_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ""),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  /** Open connections allowed from one client address; more are refused (429). */
  STREAM_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).default(20),
  /** Open connections allowed on this instance in all; more are refused (503). */
  STREAM_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(10_000),
  /** Reverse proxies in front of the gateway, each appending to X-Forwarded-For (0: none). */
  TRUSTED_PROXY_HOPS: sharedEnv.TRUSTED_PROXY_HOPS,
  LOG_LEVEL: sharedEnv.LOG_LEVEL,
};

export type StreamEnv = EnvOf<typeof streamEnvShape>;

/** Validates the gateway's variables in `source`; throws an EnvError naming each bad one. */
export function parseStreamEnv(source: EnvSource): StreamEnv {
  return parseEnv({ name: "stream", shape: streamEnvShape, source });
}

/** The gateway's environment, validated once at start-up; a bad one exits with its message. */
export function readStreamEnv(): StreamEnv {
  return loadEnv({ name: "stream", shape: streamEnvShape, source: process.env });
}
