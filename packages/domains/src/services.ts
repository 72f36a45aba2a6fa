import { resolve } from "node:path";
import { createDb, type Db, Prisma, parseSecretBoxKey } from "@exchange/db";
import {
  type Clock,
  createLogger,
  EngineClient,
  type Logger,
  type LogLevel,
  systemClock,
} from "@exchange/protocol";
import { Redis } from "ioredis";
import type { StaffRole } from "./identity/identity-enums";
import type { DocumentStorage } from "./kyc/document-storage";
import { LocalDocumentStorage } from "./kyc/document-storage";
import type { Mailer } from "./mail/mailer";
import { createSmtpMailer, type MailerConfig } from "./mail/mailer";
import { flushOrderAudit } from "./trading/order-audit";
import type { OrderRateLimits } from "./trading/order-rate-limit";
import { type ChainConfig, connectWalletChain, type WalletChain } from "./wallet/wallet-chain";

/**
 * Who is calling, as established by the app's session (next-auth) before the API runs.
 * `sessionId` names the server-side session (identity/sessions.ts); step-up needs it.
 */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "user"; userId: number; sessionId?: string }
  | { kind: "staff"; staffId: number; roles: readonly StaffRole[]; sessionId?: string };

/**
 * The database handle a repository works on: the client, or a transaction that a service opened
 * with `inTransaction`. Services pass it along without looking inside; only `*-repository.ts`
 * files call Prisma on it, so a service's queries can join the caller's transaction.
 */
export type Store = Db | Prisma.TransactionClient;

/** A transaction opened by `inTransaction`; repository functions that must not run outside one take it. */
export type Tx = Prisma.TransactionClient;

/** Runs `work` in one database transaction: all its repository calls commit together or not at all. */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(work);
}

/** Whether a repository's write failed on a unique index (another row already holds the key). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Long-lived collaborators, created once per server process. */
export interface Services {
  db: Db;
  engine: EngineClient;
  /** A general Redis connection (market data snapshots, rate limits). */
  redis: Redis;
  /** Prefix of every Redis key and channel of this deployment. */
  redisPrefix: string;
  /** Identity documents (KYC uploads), outside any web root. */
  documents: DocumentStorage;
  /** Signs WebSocket auth tokens; only the trader-facing app has one. */
  streamTokenSecret?: string;
  /** Sends mail: verification and password reset (web), KYC decisions (admin). */
  mailer?: Mailer;
  /** Where people reach the trading web app: the base of links in mails. */
  webPublicUrl?: string;
  /** AES-256-GCM key of TOTP secrets at rest (see identity/two-factor.ts). */
  twoFactorKey?: Buffer;
  /** How often a trader may place and cancel orders; the defaults when absent. */
  orderRateLimits?: OrderRateLimits;
  /** The chain deposits and withdrawals go through; absent when the process has no chain. */
  wallet?: WalletChain;
  /** The process's structured log (JSON lines). */
  log: Logger;
  /** The time of every rule that depends on it (expiries, queue ages, command timestamps). */
  clock: Clock;
}

export interface ServicesConfig {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  streamTokenSecret?: string;
  /**
   * Directory of uploaded identity documents; web (which stores) and admin (which reads) must
   * share it. Defaults to `.data/documents` under the working directory.
   */
  documentStorageDir?: string | undefined;
  /** Outgoing mail, with the web app's public URL for links; both apps set it. */
  mail?: MailerConfig & { webPublicUrl: string };
  /** Base64 of the 32-byte key that encrypts TOTP secrets (TWO_FACTOR_KEY). */
  twoFactorKey?: string;
  /** How often a trader may place and cancel orders (ORDER_RATE_*); defaults when absent. */
  orderRateLimits?: OrderRateLimits;
  /** Name of the process in its log lines (`web`, `admin`); `api` when absent. */
  service?: string;
  /** Least level logged (LOG_LEVEL); `info` when absent. */
  logLevel?: LogLevel;
  /** The system clock when absent; tests set their own. */
  clock?: Clock;
  /** The wallet's chain (CHAIN_KEY, CHAIN_RPC_URL, CHAIN_ID, WALLET_XPUB); no wallet when absent. */
  chain?: ChainConfig;
}

/** Connects the API's collaborators. One set per server process; see `closeServices`. */
export async function createServices(config: ServicesConfig): Promise<Services> {
  const engine = await EngineClient.connect({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
  });
  const redis = new Redis(config.redisUrl, { lazyConnect: true, enableAutoPipelining: true });
  await redis.connect();
  return {
    db: createDb(config.databaseUrl),
    engine,
    redis,
    redisPrefix: config.redisPrefix,
    log: createLogger(config.service ?? "api", config.logLevel ?? "info"),
    clock: config.clock ?? systemClock,
    documents: new LocalDocumentStorage(config.documentStorageDir ?? resolve(".data/documents")),
    ...(config.streamTokenSecret ? { streamTokenSecret: config.streamTokenSecret } : {}),
    ...(config.mail
      ? { mailer: createSmtpMailer(config.mail), webPublicUrl: config.mail.webPublicUrl }
      : {}),
    ...(config.twoFactorKey ? { twoFactorKey: parseSecretBoxKey(config.twoFactorKey) } : {}),
    ...(config.orderRateLimits ? { orderRateLimits: config.orderRateLimits } : {}),
    ...(config.chain ? { wallet: connectWalletChain(config.chain) } : {}),
  };
}

export async function closeServices(services: Services): Promise<void> {
  // Queued order audit entries go to the database before its pool closes.
  await flushOrderAudit(services).catch(() => undefined);
  services.mailer?.close();
  await Promise.all([services.db.$disconnect(), services.engine.close(), services.redis.quit()]);
}

/**
 * A database handle alone, for processes that use a domain's repositories without the rest of
 * the services (the worker's jobs). Close it with `closeStore`.
 */
export function openStore(databaseUrl: string): Db {
  return createDb(databaseUrl);
}

export async function closeStore(store: Db): Promise<void> {
  await store.$disconnect();
}
