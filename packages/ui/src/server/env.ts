/** The Next apps' database, Redis and document settings, as the API's `createServices` takes them. */
export interface ServicesEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  REDIS_PREFIX: string;
  DOCUMENT_STORAGE_DIR: string;
  WALLET_XPUB?: string | undefined;
  CHAIN_RPC_URL?: string | undefined;
  CHAIN_ID?: number | undefined;
  CHAIN_KEY: string;
}

/** Those settings as the API's `createServices` takes them (variables: protocol/env). */
export function servicesConfig(env: ServicesEnv) {
  return {
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    documentStorageDir: env.DOCUMENT_STORAGE_DIR,
    ...(env.WALLET_XPUB && env.CHAIN_RPC_URL && env.CHAIN_ID
      ? {
          chain: {
            key: env.CHAIN_KEY,
            rpcUrl: env.CHAIN_RPC_URL,
            chainId: env.CHAIN_ID,
            walletXpub: env.WALLET_XPUB,
          },
        }
      : {}),
  };
}
