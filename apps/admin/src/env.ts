import { lazyEnv, ZServicesEnv, ZTwoFactorKey } from "@exchange/ui/server";
import { z } from "zod";

/**
 * The admin console's configuration. The only module that reads `process.env`.
 *
 * Staff sessions are signed with their own secret, ADMIN_AUTH_SECRET, never the web app's
 * AUTH_SECRET: a leaked trader-side secret must not let anyone mint a staff session.
 */
const ZAdminEnv = ZServicesEnv.extend({
  /** Signs and encrypts staff sessions. 32+ random characters, different from AUTH_SECRET. */
  ADMIN_AUTH_SECRET: z.string().min(32, "Use at least 32 random characters."),
  /** Outgoing mail (KYC decisions reach the applicant by email); the same server as the web app's. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }),
  /** From header of the console's mails, e.g. `Exchange <no-reply@example.com>`. */
  MAIL_FROM: z.string().min(3),
  /** Where traders reach the web app: the base of links in the console's mails. */
  WEB_PUBLIC_URL: z.url({ protocol: /^https?$/ }),
  /** Encrypts staff TOTP secrets at rest; the same key as the web app's. */
  TWO_FACTOR_KEY: ZTwoFactorKey,
});

export type AdminEnv = z.infer<typeof ZAdminEnv>;

export const adminEnv = lazyEnv("admin", ZAdminEnv, () => process.env);
