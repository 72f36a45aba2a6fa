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
  /** Encrypts staff TOTP secrets at rest; the same key as the web app's. */
  TWO_FACTOR_KEY: ZTwoFactorKey,
});

export type AdminEnv = z.infer<typeof ZAdminEnv>;

export const adminEnv = lazyEnv("admin", ZAdminEnv, () => process.env);
