import type { KeyObject } from "node:crypto";
import { openSecret } from "@exchange/db/secret-box";
import type { Redis } from "ioredis";
import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import type { ApiKeyKind, ApiKeyPermission } from "./api-key-contracts";
import { API_KEY_PATTERN, ed25519KeyOf, ipAllowMatcher } from "./api-key-material";
import {
  type ApiKeyCredentials,
  findApiKeyCredentials,
  recordApiKeysUsed,
} from "./api-key-repository";
import { apiKeyRevocationChannel } from "./api-key-revocation";
import {
  isValidRecvWindow,
  isWithinRecvWindow,
  RECV_WINDOW_DEFAULT_MS,
  RECV_WINDOW_MAX_MS,
  verifyEd25519Signature,
  verifyHmacSignature,
} from "./request-signature";

/**
 * The check every signed request of the trading gateway makes, in this order:
 *   key form (API_KEY_FORMAT_INVALID) → recvWindow's bounds (INVALID_INPUT, field recvWindow)
 *   → key known, not revoked, not expired (API_KEY_INVALID) → timestamp inside the window
 *   (API_TIMESTAMP_OUTSIDE_WINDOW) → signature (API_SIGNATURE_INVALID) → client address on the
 *   key's allow-list (API_IP_NOT_ALLOWED) → permission (API_PERMISSION_MISSING).
 * What the key may do is said only to a caller who proved the key, so address and permission
 * come after the signature. A suspended user's keys are refused as revoked (suspension announces
 * them); a trading freeze and the KYC level are the trading domain's check.
 *
 * Keys are remembered in memory so a request costs no query:
 * - every revocation is announced on Redis (api-key-revocation.ts); `listen()` forgets the key
 *   when the message arrives, so a revoked key is refused within the pub/sub delay;
 * - a message can be missed: an entry is trusted for at most `API_KEY_CACHE_TTL_MS` (5 s) after
 *   it was read, and a reconnect forgets everything. A revoked key therefore stops within 5 s
 *   in the worst case. An expiry is checked against the clock on every request.
 * The last-used time is written at most once per `LAST_USED_INTERVAL_MS` per key and process,
 * batched, never on the request's path.
 */

/** The longest a key read from the database is trusted without reading it again. */
export const API_KEY_CACHE_TTL_MS = 5_000;
/** How often a key's last-used time is written at most (per process). */
export const LAST_USED_INTERVAL_MS = 60_000;
/** How soon after a use its time is written (with every other use of the moment). */
const LAST_USED_FLUSH_DELAY_MS = 1_000;
/** Keys remembered at most; the oldest read is forgotten first. */
const MAX_ENTRIES = 50_000;

export type ApiPermission = "read" | "trade" | "withdraw";

export interface ApiRequest {
  /** `X-MBX-APIKEY` as sent. */
  apiKey: string;
  /** The signed payload (request-signature.ts `splitSignature`). */
  payload: string;
  /** The `signature` parameter, URL-decoded: hex (HMAC) or base64 (Ed25519). */
  signature: string;
  /** The request's `timestamp` parameter (ms since the epoch). */
  timestampMs: number;
  /** The request's `recvWindow`; 5 000 when absent, at most 60 000. */
  recvWindowMs?: number | undefined;
  /** The client's address as the gateway trusts it. */
  clientIp: string | undefined;
  /** The server's time; `services.clock` when absent. */
  nowMs?: number | undefined;
  /** What the endpoint needs. */
  permission: ApiPermission;
}

export interface AuthenticatedApiKey {
  userId: number;
  keyId: number;
  permissions: readonly ApiKeyPermission[];
}

/** A key as remembered: its material ready to verify with, or null when no such key exists. */
interface KnownKey {
  id: number;
  userId: number;
  kind: ApiKeyKind;
  secret: string | null;
  publicKey: KeyObject | null;
  permissions: readonly ApiKeyPermission[];
  allows: (clientIp: string | undefined) => boolean;
  expiresAtMs: number | null;
  revoked: boolean;
}

interface Entry {
  key: KnownKey | null;
  readAtMs: number;
}

type AuthenticatorServices = Pick<
  Services,
  "db" | "redis" | "redisPrefix" | "clock" | "log" | "twoFactorKey"
>;

const PERMISSION: Record<ApiPermission, ApiKeyPermission> = {
  read: "READ",
  trade: "TRADE",
  withdraw: "WITHDRAW",
};

export class ApiKeyAuthenticator {
  private readonly entries = new Map<string, Entry>();
  private readonly reads = new Map<string, Promise<KnownKey | null>>();
  private readonly lastRecordedMs = new Map<number, number>();
  private readonly pendingUses = new Map<number, number>();
  private flushTimer: NodeJS.Timeout | undefined;
  private subscriber: Redis | undefined;
  /** Counts revocations heard: a read that overlapped one may predate it and is not kept. */
  private revocationsHeard = 0;

  constructor(
    private readonly services: AuthenticatorServices,
    private readonly ttlMs: number = API_KEY_CACHE_TTL_MS,
  ) {}

  /** Checks a signed request; the key's owner, or an AppError saying which check failed. */
  async authenticate(request: ApiRequest): Promise<AuthenticatedApiKey> {
    const nowMs = request.nowMs ?? this.services.clock.now();
    const recvWindowMs = request.recvWindowMs ?? RECV_WINDOW_DEFAULT_MS;
    if (!isValidRecvWindow(recvWindowMs)) throw badRecvWindow();
    const key = await this.standingKey(request.apiKey, nowMs);
    if (!isWithinRecvWindow({ timestampMs: request.timestampMs, nowMs, recvWindowMs })) {
      throw new AppError(
        AppErrorCode.API_TIMESTAMP_OUTSIDE_WINDOW,
        "Timestamp for this request is outside of the recvWindow.",
      );
    }
    if (!signatureMatches(key, request.payload, request.signature)) {
      throw new AppError(
        AppErrorCode.API_SIGNATURE_INVALID,
        "Signature for this request is not valid.",
      );
    }
    return this.admit(key, request.clientIp, request.permission, nowMs);
  }

  /**
   * Checks a request that carries only the key (Binance's USER_STREAM endpoints: listen keys):
   * the key stands and the address is allowed. Permission READ.
   */
  async identify(request: {
    apiKey: string;
    clientIp: string | undefined;
    nowMs?: number | undefined;
  }): Promise<AuthenticatedApiKey> {
    const nowMs = request.nowMs ?? this.services.clock.now();
    const key = await this.standingKey(request.apiKey, nowMs);
    return this.admit(key, request.clientIp, "read", nowMs);
  }

  /** Forgets a key (a revocation heard); its next request reads it again. */
  forget(apiKey: string): void {
    this.revocationsHeard++;
    this.entries.delete(apiKey);
  }

  /**
   * Follows the revocation channel on a connection of its own. Anything announced while the
   * connection was down is unknown, so a reconnect forgets every entry.
   */
  async listen(): Promise<void> {
    if (this.subscriber) return;
    const subscriber = this.services.redis.duplicate();
    this.subscriber = subscriber;
    const channel = apiKeyRevocationChannel(this.services.redisPrefix);
    subscriber.on("message", (from: string, apiKey: string) => {
      if (from === channel) this.forget(apiKey);
    });
    subscriber.on("ready", () => {
      this.revocationsHeard++;
      this.entries.clear();
    });
    // Redis errors are retried by the client; until it is back the TTL bounds what is trusted.
    subscriber.on("error", () => {});
    await subscriber.subscribe(channel);
  }

  /** Writes the last-used times waiting to be written. */
  async flushLastUsed(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pendingUses.size === 0) return;
    const uses = [...this.pendingUses].map(([id, atMs]) => ({ id, at: new Date(atMs) }));
    this.pendingUses.clear();
    try {
      await recordApiKeysUsed(this.services.db, uses);
    } catch (error) {
      // A lost last-used time is cosmetic; the next use a minute later writes it again.
      for (const use of uses) this.lastRecordedMs.delete(use.id);
      this.services.log.warn("api key last-used times not written", { error });
    }
  }

  async close(): Promise<void> {
    await this.flushLastUsed();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    this.entries.clear();
    await subscriber?.quit().catch(() => subscriber.disconnect());
  }

  /** The key if it exists, is not revoked and has not expired at `nowMs`. */
  private async standingKey(apiKey: string, nowMs: number): Promise<KnownKey> {
    if (!API_KEY_PATTERN.test(apiKey)) {
      throw new AppError(AppErrorCode.API_KEY_FORMAT_INVALID, "API-key format invalid.");
    }
    const key = await this.knownKey(apiKey, nowMs);
    if (!key || key.revoked || (key.expiresAtMs !== null && key.expiresAtMs <= nowMs)) {
      throw new AppError(
        AppErrorCode.API_KEY_INVALID,
        "Invalid API-key, IP, or permissions for action.",
      );
    }
    return key;
  }

  private admit(
    key: KnownKey,
    clientIp: string | undefined,
    permission: ApiPermission,
    nowMs: number,
  ): AuthenticatedApiKey {
    if (!key.allows(clientIp)) {
      throw new AppError(
        AppErrorCode.API_IP_NOT_ALLOWED,
        "Invalid API-key, IP, or permissions for action.",
      );
    }
    if (!key.permissions.includes(PERMISSION[permission])) {
      throw new AppError(
        AppErrorCode.API_PERMISSION_MISSING,
        "Invalid API-key, IP, or permissions for action.",
      );
    }
    this.noteUse(key.id, nowMs);
    return { userId: key.userId, keyId: key.id, permissions: key.permissions };
  }

  private async knownKey(apiKey: string, nowMs: number): Promise<KnownKey | null> {
    const known = this.entries.get(apiKey);
    const age = known ? nowMs - known.readAtMs : -1;
    // A negative age means the clock was set back (tests set one): read again.
    if (known && age >= 0 && age < this.ttlMs) return known.key;
    const inFlight = this.reads.get(apiKey);
    if (inFlight) return inFlight;
    const read = this.read(apiKey, nowMs).finally(() => this.reads.delete(apiKey));
    this.reads.set(apiKey, read);
    return read;
  }

  private async read(apiKey: string, nowMs: number): Promise<KnownKey | null> {
    const heardBefore = this.revocationsHeard;
    const row = await findApiKeyCredentials(this.services.db, apiKey);
    const key = row ? this.knownKeyOf(row) : null;
    if (row?.lastUsedAt && !this.lastRecordedMs.has(row.id)) {
      this.lastRecordedMs.set(row.id, row.lastUsedAt.getTime());
    }
    if (heardBefore === this.revocationsHeard) this.remember(apiKey, { key, readAtMs: nowMs });
    return key;
  }

  private knownKeyOf(row: ApiKeyCredentials): KnownKey {
    const key = this.services.twoFactorKey;
    if (row.kind === "HMAC" && !key) {
      throw new AppError(AppErrorCode.INTERNAL, "API keys are not configured (TWO_FACTOR_KEY).");
    }
    return {
      id: row.id,
      userId: row.userId,
      kind: row.kind,
      secret:
        row.kind === "HMAC" && key && row.secretEncrypted
          ? openSecret(key, row.secretEncrypted)
          : null,
      publicKey: row.kind === "ED25519" && row.publicKey ? ed25519KeyOf(row.publicKey) : null,
      permissions: row.permissions,
      allows: ipAllowMatcher(row.ipAllowList),
      expiresAtMs: row.expiresAt?.getTime() ?? null,
      // A suspended owner's key is refused like a revoked one; suspension announces its keys.
      revoked: row.revokedAt !== null || row.user.status !== "ACTIVE",
    };
  }

  private remember(apiKey: string, entry: Entry): void {
    this.entries.delete(apiKey);
    this.entries.set(apiKey, entry);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Queues the use's time when the key's last written time is a minute old or more. */
  private noteUse(keyId: number, nowMs: number): void {
    const last = this.lastRecordedMs.get(keyId);
    if (last !== undefined && nowMs - last < LAST_USED_INTERVAL_MS && nowMs >= last) return;
    this.lastRecordedMs.delete(keyId);
    this.lastRecordedMs.set(keyId, nowMs);
    if (this.lastRecordedMs.size > MAX_ENTRIES) {
      const oldest = this.lastRecordedMs.keys().next().value;
      if (oldest !== undefined) this.lastRecordedMs.delete(oldest);
    }
    this.pendingUses.set(keyId, nowMs);
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flushLastUsed(), LAST_USED_FLUSH_DELAY_MS);
      this.flushTimer.unref();
    }
  }
}

function signatureMatches(key: KnownKey, payload: string, signature: string): boolean {
  if (key.kind === "HMAC")
    return key.secret !== null && verifyHmacSignature(key.secret, payload, signature);
  return key.publicKey !== null && verifyEd25519Signature(key.publicKey, payload, signature);
}

function badRecvWindow(): AppError {
  const message = `recvWindow must be a whole number of milliseconds, at most ${RECV_WINDOW_MAX_MS}.`;
  return new AppError(AppErrorCode.INVALID_INPUT, message, { recvWindow: [message] });
}

/** One authenticator per set of services, so every caller of a process shares its memory. */
const shared = new WeakMap<object, ApiKeyAuthenticator>();

/**
 * The process's authenticator for these services. The gateway calls `listen()` on it once at
 * start (so revocations arrive at once) and `close()` at shutdown (which writes pending
 * last-used times).
 */
export function apiKeyAuthenticator(services: AuthenticatorServices): ApiKeyAuthenticator {
  let authenticator = shared.get(services);
  if (!authenticator) {
    authenticator = new ApiKeyAuthenticator(services);
    shared.set(services, authenticator);
  }
  return authenticator;
}

/**
 * Checks one signed request of the trading API (see the top of this file for the order of the
 * checks and their error codes): the key's owner and what the key may do, or an AppError.
 */
export function authenticateApiRequest(
  services: AuthenticatorServices,
  request: ApiRequest,
): Promise<AuthenticatedApiKey> {
  return apiKeyAuthenticator(services).authenticate(request);
}
