import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * Request weight per client address per clock minute, counted in Redis so that the budget holds
 * across every gateway instance (Binance's REQUEST_WEIGHT limit, 6000 per minute by default).
 * Past the budget a request is refused with 429; an address that keeps sending after
 * `strikesBeforeBan` refusals in one minute is banned (418) for `banBaseMs`, doubling with each
 * ban within `banMemoryMs`, up to `banMaxMs` (Binance: "from 2 minutes to 3 days").
 */
export interface WeightLimits {
  /** Weight one address may use per minute. */
  weightPerMinute: number;
  /** Refusals (429) within one minute an address may ignore before it is banned. */
  strikesBeforeBan: number;
  /** Length of a first ban. */
  banBaseMs: number;
  /** Longest ban. */
  banMaxMs: number;
}

/** Binance's published bounds. */
export const BINANCE_WEIGHT_LIMITS: WeightLimits = {
  weightPerMinute: 6_000,
  strikesBeforeBan: 10,
  banBaseMs: 120_000,
  banMaxMs: 3 * 24 * 3_600_000,
};

/** What one request's weight came to. */
export type WeightVerdict =
  | { kind: "allowed"; usedWeight: number }
  | { kind: "limited"; usedWeight: number; retryAfterMs: number }
  | { kind: "banned"; usedWeight: number; retryAfterMs: number };

const MINUTE_MS = 60_000;

/**
 * One atomic step per request. KEYS: weight of this minute, ban, strikes of this minute, ban
 * count. ARGV: weight, limit, ms left in the minute, strikes before a ban, base ban, max ban.
 * Returns {verdict (0 allowed, 1 limited, 2 banned), used weight, ms to wait}.
 */
const CHARGE_SCRIPT = `
local banLeft = redis.call('PTTL', KEYS[2])
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if banLeft > 0 then return {2, used, banLeft} end
used = redis.call('INCRBY', KEYS[1], ARGV[1])
if used == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
if used <= tonumber(ARGV[2]) then return {0, used, 0} end
local strikes = redis.call('INCR', KEYS[3])
if strikes == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[3]) end
if strikes <= tonumber(ARGV[4]) then return {1, used, tonumber(ARGV[3])} end
local bans = redis.call('INCR', KEYS[4])
redis.call('PEXPIRE', KEYS[4], ARGV[6])
local banMs = math.min(tonumber(ARGV[5]) * math.pow(2, bans - 1), tonumber(ARGV[6]))
redis.call('SET', KEYS[2], '1', 'PX', banMs)
redis.call('DEL', KEYS[3])
return {2, used, banMs}`;
const CHARGE_SHA = createHash("sha1").update(CHARGE_SCRIPT).digest("hex");

/** Charges a request's weight to its client's address and says whether it may run. */
export interface WeightCharge {
  charge(address: string, weight: number, nowMs: number): Promise<WeightVerdict>;
}

export class WeightLimiter implements WeightCharge {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: WeightLimits,
  ) {}

  /** Charges `weight` to `address` at `nowMs` and says whether the request may run. */
  async charge(address: string, weight: number, nowMs: number): Promise<WeightVerdict> {
    const minute = Math.floor(nowMs / MINUTE_MS);
    const msLeftInMinute = (minute + 1) * MINUTE_MS - nowMs;
    // One hash tag per address: the four keys stay in one slot of a Redis cluster.
    const base = `${this.prefix}gw:weight:{${address}}`;
    const args = [
      `${base}:m:${minute}`,
      `${base}:ban`,
      `${base}:strikes:${minute}`,
      `${base}:bans`,
      weight,
      this.limits.weightPerMinute,
      msLeftInMinute,
      this.limits.strikesBeforeBan,
      this.limits.banBaseMs,
      this.limits.banMaxMs,
    ];
    // By hash, so each request sends a few bytes; the text once after Redis lost its scripts.
    const reply = (await this.redis.evalsha(CHARGE_SHA, 4, ...args).catch((error: Error) => {
      if (!error.message.startsWith("NOSCRIPT")) throw error;
      return this.redis.eval(CHARGE_SCRIPT, 4, ...args);
    })) as [number, number, number];
    const [verdict, usedWeight, waitMs] = reply;
    if (verdict === 0) return { kind: "allowed", usedWeight };
    return { kind: verdict === 1 ? "limited" : "banned", usedWeight, retryAfterMs: waitMs };
  }
}
