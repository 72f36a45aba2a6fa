import { marketDirectory } from "@exchange/domains/markets/market-directory";
import type { Services } from "@exchange/domains/services";
import { cancelAllOrders } from "@exchange/domains/trading/trading";

/** Bounds of a dead-man's switch's timeout, in seconds (0 disarms it). */
export const CANCEL_ON_DISCONNECT_MIN_S = 5;
export const CANCEL_ON_DISCONNECT_MAX_S = 600;
/** How often each gateway instance looks for switches whose time has passed. */
export const SWEEP_INTERVAL_MS = 1_000;
/** Switches one sweep fires at most (the next sweep takes the rest). */
const SWEEP_BATCH = 100;
/**
 * How long a claimed switch is left to the instance that claimed it: if that one dies before it
 * has cancelled, the switch is due again after this and another instance fires it.
 */
const CLAIM_LEASE_MS = 30_000;

/**
 * Claims a switch for the caller: moves its deadline a lease ahead and answers 1, if it exists
 * and (ARGV[3] = "due") its deadline has passed; else 0. Atomic, so one claimant wins.
 * KEYS[1] the set; ARGV: member, now ms, "due" | "any", lease ms.
 */
const CLAIM_SCRIPT = `
local deadline = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not deadline then return 0 end
if ARGV[3] == 'due' and tonumber(deadline) > tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], tonumber(ARGV[2]) + tonumber(ARGV[4]), ARGV[1])
return 1`;

/** A session's switch: whose orders, which session. */
export interface SwitchOwner {
  userId: number;
  /** Unique per WebSocket session (a UUID). */
  sessionId: string;
}

type SwitchServices = Pick<Services, "redis" | "redisPrefix" | "clock" | "log"> & Services;

/**
 * Cancel-on-disconnect, a dead-man's switch for WebSocket sessions (our extension of Binance's
 * API): a session arms it with a timeout; every message renews it; when the session closes, or
 * is silent past the timeout, every open order of its user is cancelled in every market.
 *
 * The deadlines live in a Redis sorted set (`<prefix>gw:cod:deadlines`, member
 * `<userId>:<sessionId>`, score the deadline in epoch ms) so that a gateway instance that dies
 * does not take its switches with it: every instance sweeps the set, and whichever claims a
 * due member first (an atomic script) fires it.
 */
export class CancelOnDisconnect {
  private sweeper: NodeJS.Timeout | undefined;
  /** Switches this instance has fired. */
  firedCount = 0;

  constructor(private readonly services: SwitchServices) {}

  private get key(): string {
    return `${this.services.redisPrefix}gw:cod:deadlines`;
  }

  /** Arms (or re-arms) the switch to fire `timeoutS` seconds from now. */
  async arm(owner: SwitchOwner, timeoutS: number): Promise<void> {
    const deadlineMs = this.services.clock.now() + timeoutS * 1_000;
    await this.services.redis.zadd(this.key, deadlineMs, memberOf(owner));
  }

  /** Disarms the switch (timeout 0, or a clean end the client asked for). */
  async disarm(owner: SwitchOwner): Promise<void> {
    await this.services.redis.zrem(this.key, memberOf(owner));
  }

  /** Fires the switch now if it is armed (the session closed); true when it fired here. */
  async fire(owner: SwitchOwner): Promise<boolean> {
    return this.fireClaimed(owner, "any");
  }

  /**
   * Claims the switch, cancels, then removes it: an instance that dies in between leaves it
   * claimed for a lease only, and a sweeper fires it again (a second cancel-all is harmless).
   */
  private async fireClaimed(owner: SwitchOwner, when: "due" | "any"): Promise<boolean> {
    const member = memberOf(owner);
    const nowMs = this.services.clock.now();
    const claimed = await this.services.redis.eval(
      CLAIM_SCRIPT,
      1,
      this.key,
      member,
      String(nowMs),
      when,
      String(CLAIM_LEASE_MS),
    );
    if (claimed !== 1) return false;
    await this.cancelEverything(owner.userId);
    await this.services.redis.zrem(this.key, member);
    this.firedCount += 1;
    return true;
  }

  /** Fires every switch whose deadline has passed; the number fired by this instance. */
  async sweep(): Promise<number> {
    const due = await this.services.redis.zrangebyscore(
      this.key,
      "-inf",
      this.services.clock.now(),
      "LIMIT",
      0,
      SWEEP_BATCH,
    );
    let fired = 0;
    for (const member of due) {
      const owner = ownerOf(member);
      if (owner && (await this.fireClaimed(owner, "due"))) fired += 1;
    }
    return fired;
  }

  /** Sweeps every second until `stop`. */
  start(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      this.sweep().catch((error) =>
        this.services.log.error("cancel-on-disconnect sweep failed", { error: String(error) }),
      );
    }, SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  /**
   * Cancels the user's open orders in every market, each market on its own: one refusal (a
   * halted market) does not keep the others' orders open.
   */
  private async cancelEverything(userId: number): Promise<void> {
    const markets = await marketDirectory(this.services).all();
    for (const symbol of markets.keys()) {
      try {
        await cancelAllOrders(this.services, userId, symbol, { userAgent: "cancel-on-disconnect" });
      } catch (error) {
        this.services.log.warn("cancel-on-disconnect: a market's orders were not cancelled", {
          userId,
          symbol,
          error: String(error),
        });
      }
    }
    this.services.log.info("cancel-on-disconnect fired", { userId });
  }
}

function memberOf(owner: SwitchOwner): string {
  return `${owner.userId}:${owner.sessionId}`;
}

function ownerOf(member: string): SwitchOwner | undefined {
  const colon = member.indexOf(":");
  const userId = Number(member.slice(0, colon));
  if (colon < 1 || !Number.isSafeInteger(userId)) return undefined;
  return { userId, sessionId: member.slice(colon + 1) };
}
