import type { Command, PlaceOrderCommand } from "../commands";
import type { CommandResult } from "../events";
import type { Side, TimeInForce } from "../types";
import type { Prng } from "./prng";

/**
 * The perpetuals part of the simulation's workload, on `BTCUSDT-PERP` (the test kit's terms:
 * ticks of 0.1 USDT, lots of 0.001 BTC, up to 125×, three risk tiers, funding capped at 0.3 %):
 * the contract listed (and listed again, refused), USDT moved into futures wallets and back
 * (now and then more than the wallet can spare), leverage (now and then out of range) and
 * margin mode (refused while a position or order is open) set, limit / market / IOC / FOK /
 * post-only / reduce-only orders from several users around a mid price, stop-limit and
 * take-profit-limit orders (plain ones, and reduce-only IOC / FOK ones that protect a position,
 * as the TP/SL dialog places them; now and then a GTC reduce-only one or an OCO, both refused),
 * cancels, `mark.set`
 * along a random walk of that mid WITH GAPS of 2 to 12 % either way (high-leverage positions
 * are liquidated, through the book where it has depth and by auto-deleveraging where it has
 * none), and `funding.settle` at increasing times with rates within the cap (now and then
 * beyond it, or at a time settled already). It learns positions from `position.changed` only.
 */

export const PERP_SYMBOL = "BTCUSDT-PERP";
const FUNDING_INTERVAL_MS = 8 * 3_600_000;
const FUNDING_CAP_PPM = 3_000;
const MAX_LEVERAGE = 125;
/** The users who trade the contract (a subset, so that positions meet each other often). */
const PERP_USERS = 8;
const USDT = 1_000_000n;

/** What the perpetuals generator needs of the simulation's generator. */
export interface PerpsContext {
  envelope(): { id: string; ts: number };
  /** A fresh business key of `business`, or now and then one used before. */
  businessKey(business: string): { business: string; businessId: string };
}

export class PerpsGenerator {
  private readonly prng: Prng;
  private readonly ctx: PerpsContext;
  private listed = false;
  /** The simulated market's mid price, in ticks (50 000 USDT to start). */
  private midTicks = 500_000;
  private lastMarkAt = 0;
  private lastFundingTime = 1_700_000_000_000;
  /** Signed position quantity per user, from `position.changed`. */
  private readonly positions = new Map<number, bigint>();

  constructor(prng: Prng, ctx: PerpsContext) {
    this.prng = prng;
    this.ctx = ctx;
  }

  next(): Command {
    if (!this.listed) return this.addContract();
    const draw = this.prng.next();
    if (draw < 0.4) return this.limitOrder();
    if (draw < 0.5) return this.marketOrder();
    if (draw < 0.56) return this.reduceOnly();
    if (draw < 0.64) return this.stopOrder();
    if (draw < 0.74) return this.markSet();
    if (draw < 0.77) return this.fundingSettle();
    if (draw < 0.87) return this.transfer();
    if (draw < 0.93) return this.setLeverage();
    if (draw < 0.97) return this.setMarginMode();
    if (draw < 0.975) return this.setStatus();
    return this.prng.chance(0.2) ? this.addContract() : this.limitOrder();
  }

  /** Learns the listing and the positions from accepted results. */
  observe(command: Command, result: CommandResult): void {
    if (!result.accepted || result.repeated) return;
    if (command.type === "contract.add") this.listed = true;
    for (const event of result.events) {
      if (event.type === "position.changed" && event.symbol === PERP_SYMBOL) {
        this.positions.set(event.userId, event.qtyLots);
      }
    }
  }

  private user(): number {
    return this.prng.int(1, PERP_USERS);
  }

  private side(): Side {
    return this.prng.chance(0.5) ? "buy" : "sell";
  }

  private addContract(): Command {
    return {
      type: "contract.add",
      ...this.ctx.envelope(),
      symbol: PERP_SYMBOL,
      base: "BTC",
      quote: "USDT",
      tickSizeAtoms: 100_000n,
      lotSizeAtoms: 100_000n,
      minQtyLots: 1n,
      maxQtyLots: 1_000_000n,
      minNotionalAtoms: 0n,
      maxPriceTicks: 100_000_000n,
      makerFeePpm: 200,
      takerFeePpm: 500,
      maxLeverage: MAX_LEVERAGE,
      riskTiers: [
        { maxNotionalAtoms: 50_000n * USDT, maintenanceMarginPpm: 4_000, maxLeverage: 125 },
        { maxNotionalAtoms: 250_000n * USDT, maintenanceMarginPpm: 5_000, maxLeverage: 100 },
        { maxNotionalAtoms: 1_000_000n * USDT, maintenanceMarginPpm: 10_000, maxLeverage: 50 },
      ],
      fundingIntervalMs: FUNDING_INTERVAL_MS,
      fundingCapPpm: FUNDING_CAP_PPM,
      interestPpm: 100,
    };
  }

  /** Mostly a step of a few ticks; a limit order's quantity: mostly small, now and then large. */
  private qty(): bigint {
    return this.prng.chance(0.1) ? this.prng.bigint(100, 600) : this.prng.bigint(1, 60);
  }

  private walk(): void {
    this.midTicks = Math.max(1_000, this.midTicks + this.prng.int(-60, 60));
  }

  private order(side: Side, userId: number): Omit<PlaceOrderCommand, "orderType"> {
    return {
      type: "order.place",
      ...this.ctx.envelope(),
      userId,
      symbol: PERP_SYMBOL,
      side,
    };
  }

  private limitOrder(): Command {
    this.walk();
    const side = this.side();
    const spread = this.prng.int(-200, 250);
    const price = BigInt(Math.max(1, this.midTicks + (side === "buy" ? -spread : spread)));
    const tif: TimeInForce = this.prng.pick(["GTC", "GTC", "GTC", "GTC", "IOC", "FOK"]);
    const order: PlaceOrderCommand = {
      ...this.order(side, this.user()),
      orderType: "limit",
      priceTicks: price,
      qtyLots: this.qty(),
      timeInForce: tif,
    };
    if (tif === "GTC" && this.prng.chance(0.1)) order.postOnly = true;
    if (this.prng.chance(0.3)) order.stp = this.prng.pick(["none", "cancelTaker", "cancelMaker"]);
    if (this.prng.chance(0.1)) order.clientOrderId = `p${this.prng.int(1, 10)}`;
    return order;
  }

  /** A market order protected by a price limit or a slippage (now and then neither: 412). */
  private marketOrder(): Command {
    const side = this.side();
    const base = { ...this.order(side, this.user()), orderType: "market" as const };
    const draw = this.prng.next();
    if (draw < 0.5) {
      const limit = this.midTicks + (side === "buy" ? 400 : -400);
      return { ...base, qtyLots: this.qty(), priceLimitTicks: BigInt(Math.max(1, limit)) };
    }
    if (draw < 0.95) return { ...base, qtyLots: this.qty(), slippageBps: this.prng.int(1, 300) };
    return { ...base, qtyLots: this.qty() };
  }

  /**
   * Closes part or all of a position with a reduce-only IOC or market order; now and then one
   * that would increase it or a GTC one, both refused.
   */
  private reduceOnly(): Command {
    const open = [...this.positions.entries()].filter(([, qty]) => qty !== 0n);
    if (open.length === 0) return this.limitOrder();
    const [userId, qty] = this.prng.pick(open);
    const size = qty < 0n ? -qty : qty;
    const wrongSide = this.prng.chance(0.05);
    const side: Side = qty > 0n !== wrongSide ? "sell" : "buy";
    const lots = this.prng.chance(0.5) ? size : this.prng.bigint(1, Number(size));
    const base = { ...this.order(side, userId), reduceOnly: true, qtyLots: lots };
    if (this.prng.chance(0.5)) {
      const limit = this.midTicks + (side === "buy" ? 300 : -300);
      return { ...base, orderType: "market", priceLimitTicks: BigInt(Math.max(1, limit)) };
    }
    const tif: TimeInForce = this.prng.pick(["IOC", "IOC", "FOK", "GTC"]);
    const limit = this.midTicks + (side === "buy" ? 200 : -200);
    return {
      ...base,
      orderType: "limit",
      priceTicks: BigInt(Math.max(1, limit)),
      timeInForce: tif,
    };
  }

  /**
   * A stop or take-profit order: mostly one protecting an open position (reduce-only, IOC or
   * FOK, the whole position or part of it, its limit 5 % past the trigger), else a plain one
   * around the mid that opens or adds; now and then a GTC reduce-only one (refused) or an OCO
   * list on the contract (refused, 901).
   */
  private stopOrder(): Command {
    if (this.prng.chance(0.03)) return this.ocoOrder();
    const kind = this.prng.chance(0.5) ? ("stopLimit" as const) : ("takeProfitLimit" as const);
    const open = [...this.positions.entries()].filter(([, qty]) => qty !== 0n);
    if (open.length > 0 && this.prng.chance(0.6)) {
      const [userId, qty] = this.prng.pick(open);
      const side: Side = qty > 0n ? "sell" : "buy";
      const size = qty < 0n ? -qty : qty;
      // A sell stop-loss / buy take-profit waits below the mid, the others above.
      const below = (kind === "stopLimit") === (side === "sell");
      const stop = Math.max(2, this.midTicks + (below ? -1 : 1) * this.prng.int(5, 300));
      const limit = side === "sell" ? Math.max(1, Math.floor(stop * 0.95)) : Math.ceil(stop * 1.05);
      return {
        ...this.order(side, userId),
        orderType: kind,
        reduceOnly: true,
        stopPriceTicks: BigInt(stop),
        priceTicks: BigInt(limit),
        qtyLots: this.prng.chance(0.6) ? size : this.prng.bigint(1, Number(size)),
        timeInForce: this.prng.pick(["IOC", "IOC", "FOK", "GTC"]),
      };
    }
    const side = this.side();
    const stop = Math.max(2, this.midTicks + this.prng.int(-300, 300));
    const limit = Math.max(1, stop + (side === "buy" ? 1 : -1) * this.prng.int(0, 150));
    return {
      ...this.order(side, this.user()),
      orderType: kind,
      stopPriceTicks: BigInt(stop),
      priceTicks: BigInt(limit),
      qtyLots: this.qty(),
      timeInForce: this.prng.pick(["GTC", "GTC", "IOC", "FOK"]),
    };
  }

  private ocoOrder(): Command {
    const mid = BigInt(this.midTicks);
    return {
      type: "order.placeOco",
      ...this.ctx.envelope(),
      userId: this.user(),
      symbol: PERP_SYMBOL,
      side: "sell",
      qtyLots: this.qty(),
      priceTicks: mid + 200n,
      stopPriceTicks: mid - 200n,
      stopLimitPriceTicks: mid - 250n,
    };
  }

  /**
   * The mark near the mid, sampled now; one time in eight the mid first gaps 2-12 % either way
   * (and now and then a mark no newer than the last, refused).
   */
  private markSet(): Command {
    if (this.prng.chance(0.125)) {
      const percent = this.prng.int(2, 12) * (this.prng.chance(0.5) ? 1 : -1);
      this.midTicks = Math.max(1_000, Math.round((this.midTicks * (100 + percent)) / 100));
    } else {
      this.walk();
    }
    const env = this.ctx.envelope();
    const stale = this.prng.chance(0.03) && this.lastMarkAt > 0;
    const at = stale ? this.lastMarkAt : Math.max(env.ts, this.lastMarkAt + 1);
    if (!stale) this.lastMarkAt = at;
    const mark = BigInt(this.midTicks + this.prng.int(-20, 20));
    return {
      type: "mark.set",
      ...env,
      business: "mark.set",
      businessId: `${PERP_SYMBOL}:${at}`,
      symbol: PERP_SYMBOL,
      markPriceTicks: this.prng.chance(0.01) ? 0n : mark,
      indexPriceTicks: mark,
      at,
    };
  }

  /** The next funding time at a rate within the cap; now and then beyond it, or a time again. */
  private fundingSettle(): Command {
    const again = this.prng.chance(0.05);
    if (!again) this.lastFundingTime += FUNDING_INTERVAL_MS;
    const ratePpm = this.prng.chance(0.03)
      ? FUNDING_CAP_PPM + this.prng.int(1, 100)
      : this.prng.int(-FUNDING_CAP_PPM, FUNDING_CAP_PPM);
    return {
      type: "funding.settle",
      ...this.ctx.envelope(),
      business: "funding.settle",
      businessId: `${PERP_SYMBOL}:${this.lastFundingTime}`,
      symbol: PERP_SYMBOL,
      fundingTime: this.lastFundingTime,
      ratePpm,
    };
  }

  /** Mostly into futures; back to spot part of a wallet, now and then more than it can spare. */
  private transfer(): Command {
    const toFutures = this.prng.chance(0.6);
    const amountAtoms = toFutures
      ? this.prng.bigint(100, 5_000) * USDT
      : this.prng.chance(0.1)
        ? 10n ** 12n
        : this.prng.bigint(1, 2_000) * USDT;
    return {
      type: "futures.transfer",
      ...this.ctx.envelope(),
      ...this.ctx.businessKey("futures.transfer"),
      userId: this.user(),
      asset: "USDT",
      amountAtoms,
      direction: toFutures ? "toFutures" : "toSpot",
    };
  }

  /** Mostly high leverage (so gaps liquidate), now and then out of range. */
  private setLeverage(): Command {
    const leverage = this.prng.chance(0.05)
      ? this.prng.pick([0, MAX_LEVERAGE + 1, 1.5])
      : this.prng.pick([1, 2, 5, 10, 20, 20, 50, 50, 75, 100, 125]);
    return {
      type: "position.setLeverage",
      ...this.ctx.envelope(),
      userId: this.user(),
      symbol: PERP_SYMBOL,
      leverage,
    };
  }

  private setMarginMode(): Command {
    return {
      type: "position.setMarginMode",
      ...this.ctx.envelope(),
      userId: this.user(),
      symbol: PERP_SYMBOL,
      mode: this.prng.chance(0.5) ? "cross" : "isolated",
    };
  }

  /** Now and then halted (marks then liquidate nothing), mostly back to trading. */
  private setStatus(): Command {
    return {
      type: "market.setStatus",
      ...this.ctx.envelope(),
      symbol: PERP_SYMBOL,
      status: this.prng.chance(0.85) ? "trading" : this.prng.pick(["halted", "cancelOnly"]),
    };
  }
}
