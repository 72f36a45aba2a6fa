import { lazyEnv, portVar, rejectEnv, servicesEnvShape, sharedEnv } from "@exchange/protocol/env";
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const ZRate = z.coerce.number().int().min(1).max(1_000_000);

/** The web app's variables. This module is the only one of the app that reads `process.env`. */
const webEnvShape = {
  ...servicesEnvShape,
  /** Signs and encrypts trader sessions. 32+ random characters (`openssl rand -base64 32`). */
  AUTH_SECRET: z.string().min(32, "Use at least 32 random characters."),
  /** Signs the short-lived tokens browsers send to the WebSocket gateway; shared with it. */
  STREAM_TOKEN_SECRET: sharedEnv.STREAM_TOKEN_SECRET,
  /** Where browsers reach the WebSocket gateway (read at run time, handed to the page). */
  STREAM_PUBLIC_URL: z.string().default("ws://localhost:3200/exchange-stream"),
  /**
   * Where bots reach the trading gateway (Binance-compatible REST): the API reference page
   * reads its OpenAPI document there and shows it in the quick start.
   */
  GATEWAY_PUBLIC_URL: z.string().url().default("http://localhost:3600"),
  /** Outgoing mail server: `smtp://user:pass@host:587` (STARTTLS) or `smtps://…:465`. */
  SMTP_URL: sharedEnv.SMTP_URL,
  /** From header of verification and reset mails, e.g. `Exchange <no-reply@example.com>`. */
  MAIL_FROM: sharedEnv.MAIL_FROM,
  /** Where people reach this app; the base of the links in mails. */
  WEB_PUBLIC_URL: sharedEnv.WEB_PUBLIC_URL,
  /** Encrypts TOTP secrets at rest; the same key as the admin console's. */
  TWO_FACTOR_KEY: sharedEnv.TWO_FACTOR_KEY,
  /**
   * Orders one trader may place per second and per minute; more are refused until the window
   * ends. Unset: the API's defaults (DEFAULT_ORDER_RATE_LIMITS).
   */
  ORDER_RATE_PLACE_PER_SECOND: ZRate.optional(),
  ORDER_RATE_PLACE_PER_MINUTE: ZRate.optional(),
  /** Cancels (one order or all of a market) one trader may send per second and per minute. */
  ORDER_RATE_CANCEL_PER_SECOND: ZRate.optional(),
  ORDER_RATE_CANCEL_PER_MINUTE: ZRate.optional(),
  /**
   * Processes the production server (server.ts) runs behind its one port; unset: one per core.
   * `next start` and `next dev` are one process whatever this says.
   */
  WEB_PROCESSES: z.coerce.number().int().min(1).max(64).optional(),
  /**
   * Port of the operations server (/health, /metrics) on WEB_OPS_HOST, never the public port;
   * under server.ts the cluster's primary answers for all its processes. 0 disables it.
   */
  WEB_OPS_PORT: portVar(3001),
  WEB_OPS_HOST: z.string().default("127.0.0.1"),
};

/**
 * The web app's configuration, validated on first use and then cached. Lazy because `next build`
 * imports route modules without a runtime environment; instrumentation.ts calls it at server
 * start, so a misconfigured server fails before it takes a request.
 */
export const webEnv = lazyEnv(() =>
  createEnv({
    server: webEnvShape,
    // Server variables come from process.env; the apps have no NEXT_PUBLIC_ variable to inline.
    experimental__runtimeEnv: {},
    onValidationError: rejectEnv("web"),
  }),
);

export type WebEnv = ReturnType<typeof webEnv>;
