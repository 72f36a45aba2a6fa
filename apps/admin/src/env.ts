import { lazyEnv, portVar, rejectEnv, servicesEnvShape, sharedEnv } from "@exchange/protocol/env";
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * The admin console's variables. This module is the only one of the console that reads
 * `process.env`.
 *
 * Staff sessions are signed with their own secret, ADMIN_AUTH_SECRET, never the web app's
 * AUTH_SECRET: a leaked trader-side secret must not let anyone mint a staff session.
 */
const adminEnvShape = {
  ...servicesEnvShape,
  /** Signs and encrypts staff sessions. 32+ random characters, different from AUTH_SECRET. */
  ADMIN_AUTH_SECRET: z.string().min(32, "Use at least 32 random characters."),
  /** Outgoing mail (KYC decisions reach the applicant by email); the same server as the web app's. */
  SMTP_URL: sharedEnv.SMTP_URL,
  /** From header of the console's mails, e.g. `Exchange <no-reply@example.com>`. */
  MAIL_FROM: sharedEnv.MAIL_FROM,
  /** Where traders reach the web app: the base of links in the console's mails. */
  WEB_PUBLIC_URL: sharedEnv.WEB_PUBLIC_URL,
  /** Encrypts staff TOTP secrets at rest; the same key as the web app's. */
  TWO_FACTOR_KEY: sharedEnv.TWO_FACTOR_KEY,
  /** Port of the operations server (/health, /metrics) on ADMIN_OPS_HOST; 0 disables it. */
  ADMIN_OPS_PORT: portVar(3101),
  ADMIN_OPS_HOST: z.string().default("127.0.0.1"),
};

/**
 * The console's configuration, validated on first use and then cached (lazy because `next
 * build` imports route modules without a runtime environment; instrumentation.ts calls it at
 * server start).
 */
export const adminEnv = lazyEnv(() =>
  createEnv({
    server: adminEnvShape,
    // Server variables come from process.env; the apps have no NEXT_PUBLIC_ variable to inline.
    experimental__runtimeEnv: {},
    onValidationError: rejectEnv("admin"),
  }),
);

export type AdminEnv = ReturnType<typeof adminEnv>;
