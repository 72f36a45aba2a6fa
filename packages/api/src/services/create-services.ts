import { resolve } from "node:path";
import { createDb, parseSecretBoxKey } from "@exchange/db";
import { EngineClient } from "@exchange/protocol";
import { Redis } from "ioredis";
import type { Services } from "../context";
import { createSmtpMailer, type MailerConfig } from "../mail/mailer";
import { LocalDocumentStorage } from "./document-storage";
import type { OrderRateLimits } from "./order-rate-limit";

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
    documents: new LocalDocumentStorage(config.documentStorageDir ?? resolve(".data/documents")),
    ...(config.streamTokenSecret ? { streamTokenSecret: config.streamTokenSecret } : {}),
    ...(config.mail
      ? { mailer: createSmtpMailer(config.mail), webPublicUrl: config.mail.webPublicUrl }
      : {}),
    ...(config.twoFactorKey ? { twoFactorKey: parseSecretBoxKey(config.twoFactorKey) } : {}),
    ...(config.orderRateLimits ? { orderRateLimits: config.orderRateLimits } : {}),
  };
}

export async function closeServices(services: Services): Promise<void> {
  services.mailer?.close();
  await Promise.all([services.db.$disconnect(), services.engine.close(), services.redis.quit()]);
}
