import { z } from "zod";

/**
 * The web app's configuration. The only module that reads `process.env`.
 *
 * Validation is lazy (first call, then cached) because `next build` imports route modules
 * without a runtime environment; `instrumentation.ts` calls it at server start so a
 * misconfigured server fails before it takes a request.
 */
const ZWebEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  /** Prefix of every Redis key and channel; must match the engine's. */
  REDIS_PREFIX: z.string().min(1).default("ex:"),
  /** Signs and encrypts trader sessions. 32+ random characters (`openssl rand -base64 32`). */
  AUTH_SECRET: z.string().min(32, "Use at least 32 random characters."),
});

export type WebEnv = z.infer<typeof ZWebEnv>;

let validated: WebEnv | undefined;

export function webEnv(): WebEnv {
  validated ??= parseEnv();
  return validated;
}

function parseEnv(): WebEnv {
  const parsed = ZWebEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`web: invalid environment\n${problems.join("\n")}`);
  }
  return parsed.data;
}
