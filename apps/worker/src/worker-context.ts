import { createSmtpMailer, type Mailer } from "@exchange/domains/mail/mailer";
import { closeStore, openStore, type Services } from "@exchange/domains/services";
import { connectWalletChain, type WalletChain } from "@exchange/domains/wallet/wallet-chain";
import { Journal } from "@exchange/journal";
import {
  type BusKeys,
  busKeys,
  type Clock,
  createLogger,
  EngineClient,
  type Logger,
  systemClock,
} from "@exchange/protocol";
import { Redis } from "ioredis";
import pg from "pg";
import type { WorkerEnv } from "./env";

/**
 * What the worker's consumers and jobs are built from: its configuration and the connections it
 * shares. A consumer that blocks on Redis takes a connection of its own (`newRedis`).
 */
export interface WorkerContext {
  env: WorkerEnv;
  log: Logger;
  /** The time jobs and the demo market maker see; tests set their own. */
  clock: Clock;
  pool: pg.Pool;
  /** Shared: the consumer board's status writes and the projector's reads. */
  redis: Redis;
  keys: BusKeys;
  journal: Journal;
  engine: EngineClient;
  /** The domains' database handle (their repositories), for the wallet's consumers and jobs. */
  store: Services["db"];
  /** The wallet's chain; absent when the environment names none. */
  wallet?: WalletChain;
  /** Outgoing mail (SMTP_URL and MAIL_FROM); absent when the environment names none. */
  mailer?: Mailer;
  /** A Redis connection of its own, closed with the context. */
  newRedis(): Redis;
  close(): Promise<void>;
}

export async function createWorkerContext(env: WorkerEnv): Promise<WorkerContext> {
  const log = createLogger("worker", env.LOG_LEVEL);
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 6 });
  // An idle client's error (Postgres restarted, a connection killed) must not end the process.
  pool.on("error", (error) => log.warn("idle database connection failed", { error }));
  const connect = () => new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const redis = connect();
  const extra: Redis[] = [];
  const engine = await EngineClient.connect({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX });
  const store = openStore(env.DATABASE_URL);
  const wallet = walletChainOf(env);
  const mailer =
    env.SMTP_URL && env.MAIL_FROM
      ? createSmtpMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM })
      : undefined;
  return {
    env,
    log,
    clock: systemClock,
    pool,
    redis,
    keys: busKeys(env.REDIS_PREFIX),
    journal: new Journal(pool),
    engine,
    store,
    ...(wallet ? { wallet } : {}),
    ...(mailer ? { mailer } : {}),
    newRedis() {
      const connection = connect();
      extra.push(connection);
      return connection;
    },
    async close() {
      mailer?.close();
      await Promise.all([
        redis.quit(),
        ...extra.map((r) => r.quit()),
        pool.end(),
        engine.close(),
        closeStore(store),
      ]);
    },
  };
}

function walletChainOf(env: WorkerEnv): WalletChain | undefined {
  const { WALLET_XPUB, CHAIN_RPC_URL, CHAIN_ID, CHAIN_KEY } = env;
  if (!WALLET_XPUB || !CHAIN_RPC_URL || !CHAIN_ID) return undefined;
  return connectWalletChain({
    key: CHAIN_KEY,
    rpcUrl: CHAIN_RPC_URL,
    chainId: CHAIN_ID,
    walletXpub: WALLET_XPUB,
  });
}
