import type { Db, StaffRole } from "@exchange/db";
import type { EngineClient } from "@exchange/protocol";
import type { Redis } from "ioredis";
import type { Mailer } from "./mail/mailer";
import type { DocumentStorage } from "./services/document-storage";
import type { OrderRateLimits } from "./services/order-rate-limit";

/**
 * Who is calling, as established by the app's session (next-auth) before the API runs.
 * `sessionId` names the server-side session (identity/sessions.ts); step-up needs it.
 */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "user"; userId: number; sessionId?: string }
  | { kind: "staff"; staffId: number; roles: readonly StaffRole[]; sessionId?: string };

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
}

export interface Context {
  actor: Actor;
  services: Services;
  /** The caller's address, for audit and rate limits; undefined when unknown. */
  ip: string | undefined;
}
