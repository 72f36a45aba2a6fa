import { describeIssues, EnvError, sharedEnv } from "@exchange/protocol/env";
import { z } from "zod";

/**
 * The variables both Next apps need to reach the exchange's database and engine bus; each app's
 * env.ts adds its own and validates them once with @t3-oss/env-nextjs.
 */
export const servicesEnvShape = {
  DATABASE_URL: sharedEnv.DATABASE_URL,
  REDIS_URL: sharedEnv.REDIS_URL,
  /** Prefix of every Redis key and channel; must match the engine's. */
  REDIS_PREFIX: sharedEnv.REDIS_PREFIX,
  /**
   * Directory of uploaded identity documents, outside any web root. The web app writes it and
   * the admin console reads it, so both must name the same directory (an absolute path; a
   * relative one resolves against the process's working directory).
   */
  DOCUMENT_STORAGE_DIR: z.string().min(1).default(".data/documents"),
  /** `development` under `next dev` (a looser script policy for React's development build). */
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /**
   * How many reverse proxies stand in front of the app, each appending to X-Forwarded-For. 0
   * (the default): none, the header is ignored and the connection's address is the client's.
   */
  TRUSTED_PROXY_HOPS: sharedEnv.TRUSTED_PROXY_HOPS,
  /** Least level of the server's JSON log lines. */
  LOG_LEVEL: sharedEnv.LOG_LEVEL,
};

export interface ServicesEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  REDIS_PREFIX: string;
  DOCUMENT_STORAGE_DIR: string;
}

/** The `onValidationError` of an app's env: one message naming each bad variable. */
export function rejectEnv(app: string) {
  return (issues: Parameters<typeof describeIssues>[1]): never => {
    throw new EnvError(describeIssues(app, issues));
  };
}

/** Those settings as the API's `createServices` takes them. */
export function servicesConfig(env: ServicesEnv) {
  return {
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    documentStorageDir: env.DOCUMENT_STORAGE_DIR,
  };
}
