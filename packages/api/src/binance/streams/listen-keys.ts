import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

/** A listenKey lives 60 minutes from its creation or last keepalive, as Binance's. */
export const LISTEN_KEY_TTL_S = 3_600;

/** Binance's listenKeys are 60 letters and digits. */
export const LISTEN_KEY_PATTERN = /^[A-Za-z0-9]{60}$/;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * The user data stream's keys, in Redis so that any gateway instance serves any of them:
 * `<prefix>gw:listenKey:<key>` → the user's id, and `<prefix>gw:listenKeyOf:<userId>` → the
 * user's key (Binance gives an account one key: creating again answers the live one).
 */
export class ListenKeys {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** The user's live key with its life renewed, or a new one. */
  async create(userId: number): Promise<string> {
    const existing = await this.redis.get(this.ownerKey(userId));
    if (existing && (await this.keepAlive(userId, existing))) return existing;
    const listenKey = newListenKey();
    await this.redis
      .multi()
      .set(this.keyKey(listenKey), String(userId), "EX", LISTEN_KEY_TTL_S)
      .set(this.ownerKey(userId), listenKey, "EX", LISTEN_KEY_TTL_S)
      .exec();
    return listenKey;
  }

  /** Renews the user's key for 60 minutes; false when it is not theirs or has expired. */
  async keepAlive(userId: number, listenKey: string): Promise<boolean> {
    if ((await this.userOf(listenKey)) !== userId) return false;
    await this.redis
      .multi()
      .expire(this.keyKey(listenKey), LISTEN_KEY_TTL_S)
      .expire(this.ownerKey(userId), LISTEN_KEY_TTL_S)
      .exec();
    return true;
  }

  /** Ends the user's key (its streams then receive `listenKeyExpired`); false when not theirs. */
  async close(userId: number, listenKey: string): Promise<boolean> {
    if ((await this.userOf(listenKey)) !== userId) return false;
    await this.redis.del(this.keyKey(listenKey), this.ownerKey(userId));
    return true;
  }

  /** Whose key it is; undefined when unknown or expired. */
  async userOf(listenKey: string): Promise<number | undefined> {
    if (!LISTEN_KEY_PATTERN.test(listenKey)) return undefined;
    const owner = await this.redis.get(this.keyKey(listenKey));
    return owner === null ? undefined : Number(owner);
  }

  private keyKey(listenKey: string): string {
    return `${this.prefix}gw:listenKey:${listenKey}`;
  }

  private ownerKey(userId: number): string {
    return `${this.prefix}gw:listenKeyOf:${userId}`;
  }
}

function newListenKey(): string {
  const bytes = randomBytes(60);
  let key = "";
  // The modulo favours a few letters slightly; 60 characters still carry over 350 bits.
  for (const byte of bytes) key += ALPHABET[byte % ALPHABET.length];
  return key;
}
