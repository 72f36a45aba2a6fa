import { TRUSTED_PROXY_HOPS_MAX } from "@exchange/protocol/client-address";
import { z } from "zod";

/** The settings both apps need to reach the exchange's database and engine bus. */
export const ZServicesEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  /** Prefix of every Redis key and channel; must match the engine's. */
  REDIS_PREFIX: z.string().min(1).default("ex:"),
  /**
   * Directory of uploaded identity documents, outside any web root. The web app writes it and
   * the admin console reads it, so both must name the same directory (an absolute path; a
   * relative one resolves against the process's working directory).
   */
  DOCUMENT_STORAGE_DIR: z.string().min(1).default(".data/documents"),
  /**
   * How many reverse proxies stand in front of the app, each appending to X-Forwarded-For. 0
   * (the default): none, the header is ignored and the connection's address is the client's.
   */
  /** `development` under `next dev` (a looser script policy for React's development build). */
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(TRUSTED_PROXY_HOPS_MAX).default(0),
});
export type ServicesEnv = z.infer<typeof ZServicesEnv>;

/**
 * The key that encrypts TOTP secrets at rest: 32 random bytes in base64 or base64url
 * (`openssl rand -base64 32`). Web and admin must share it (one table of secrets per kind).
 */
export const ZTwoFactorKey = z
  .string()
  .refine(
    (text) => Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64").length === 32,
    "Use 32 random bytes in base64 (openssl rand -base64 32).",
  );

/** Those settings as the API's `createServices` takes them. */
export function servicesConfig(env: ServicesEnv) {
  return {
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    documentStorageDir: env.DOCUMENT_STORAGE_DIR,
  };
}

/**
 * An app's configuration, validated on first use and then cached. Lazy because `next build`
 * imports route modules without a runtime environment; each app's `instrumentation.ts` calls
 * it at server start, so a misconfigured server fails before it takes a request. `read` is
 * the app's own `process.env`: its env.ts stays the only module that reads the environment.
 */
export function lazyEnv<Schema extends z.ZodType>(
  app: string,
  schema: Schema,
  read: () => Record<string, string | undefined>,
): () => z.output<Schema> {
  let validated: z.output<Schema> | undefined;
  return () => {
    validated ??= parseEnv(app, schema, read());
    return validated;
  };
}

function parseEnv<Schema extends z.ZodType>(
  app: string,
  schema: Schema,
  source: Record<string, string | undefined>,
): z.output<Schema> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`${app}: invalid environment\n${problems.join("\n")}`);
  }
  return parsed.data;
}
