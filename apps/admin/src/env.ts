import { z } from "zod";

/**
 * The admin console's configuration. The only module that reads `process.env`.
 *
 * Staff sessions are signed with their own secret, ADMIN_AUTH_SECRET, never the web app's
 * AUTH_SECRET: a leaked trader-side secret must not let anyone mint a staff session.
 *
 * Validation is lazy (first call, then cached) because `next build` imports route modules
 * without a runtime environment; `instrumentation.ts` calls it at server start.
 */
const ZAdminEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  /** Prefix of every Redis key and channel; must match the engine's. */
  REDIS_PREFIX: z.string().min(1).default("ex:"),
  /** Signs and encrypts staff sessions. 32+ random characters, different from AUTH_SECRET. */
  ADMIN_AUTH_SECRET: z.string().min(32, "Use at least 32 random characters."),
});

export type AdminEnv = z.infer<typeof ZAdminEnv>;

let validated: AdminEnv | undefined;

export function adminEnv(): AdminEnv {
  validated ??= parseEnv();
  return validated;
}

function parseEnv(): AdminEnv {
  const parsed = ZAdminEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`admin: invalid environment\n${problems.join("\n")}`);
  }
  return parsed.data;
}
