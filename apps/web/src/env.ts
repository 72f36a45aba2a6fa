import { lazyEnv, ZServicesEnv, ZTwoFactorKey } from "@exchange/ui/server";
import { z } from "zod";

const ZRate = z.coerce.number().int().min(1).max(1_000_000);

/** The web app's configuration. The only module that reads `process.env`. */
const ZWebEnv = ZServicesEnv.extend({
  /** Signs and encrypts trader sessions. 32+ random characters (`openssl rand -base64 32`). */
  AUTH_SECRET: z.string().min(32, "Use at least 32 random characters."),
  /** Signs the short-lived tokens browsers send to the WebSocket gateway; shared with it. */
  STREAM_TOKEN_SECRET: z.string().min(16),
  /** Where browsers reach the WebSocket gateway (read at run time, handed to the page). */
  STREAM_PUBLIC_URL: z.string().default("ws://localhost:3200/exchange-stream"),
  /** Outgoing mail server: `smtp://user:pass@host:587` (STARTTLS) or `smtps://…:465`. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }),
  /** From header of verification and reset mails, e.g. `Exchange <no-reply@example.com>`. */
  MAIL_FROM: z.string().min(3),
  /** Where people reach this app; the base of the links in mails. */
  WEB_PUBLIC_URL: z.url({ protocol: /^https?$/ }),
  /** Encrypts TOTP secrets at rest; the same key as the admin console's. */
  TWO_FACTOR_KEY: ZTwoFactorKey,
  /**
   * Orders one trader may place per second and per minute; more are refused until the window
   * ends. Unset: the API's defaults (DEFAULT_ORDER_RATE_LIMITS).
   */
  ORDER_RATE_PLACE_PER_SECOND: ZRate.optional(),
  ORDER_RATE_PLACE_PER_MINUTE: ZRate.optional(),
  /** Cancels (one order or all of a market) one trader may send per second and per minute. */
  ORDER_RATE_CANCEL_PER_SECOND: ZRate.optional(),
  ORDER_RATE_CANCEL_PER_MINUTE: ZRate.optional(),
});

export type WebEnv = z.infer<typeof ZWebEnv>;

export const webEnv = lazyEnv("web", ZWebEnv, () => process.env);
