/** The Next apps' database, Redis and document settings, as the API's `createServices` takes them. */
export interface ServicesEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  REDIS_PREFIX: string;
  DOCUMENT_STORAGE_DIR: string;
}

/** Those settings as the API's `createServices` takes them (variables: protocol/env). */
export function servicesConfig(env: ServicesEnv) {
  return {
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    documentStorageDir: env.DOCUMENT_STORAGE_DIR,
  };
}
