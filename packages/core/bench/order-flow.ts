import type { Command, PlaceOrderCommand } from "../src/commands";
import { ExchangeCore } from "../src/exchange-core";
import { Prng } from "../src/simulation/prng";
import type { Side } from "../src/types";

/**
 * The benchmark's order flow, generated once from a seed and replayed identically into the core
 * and into `nodejs-order-book`.
 *
 * One market, BTCUSDT (tick 0.01 USDT, lot 0.0001 BTC, maker 0.10 %, taker 0.20 %, a quarter of
 * the users on a 20 %-off fee tier), USERS users funded far beyond need. A prefill rests
 * RESTING_TARGET orders within 50 ticks of the mid; then every operation is drawn as:
 * - 60 %: a GTC limit order near the touch that does not cross: 1-20 ticks behind the mid on
 *   its side, 1-100 lots;
 * - 30 %: a cancel of a random resting order;
 * - 10 %: an order that takes liquidity, half a crossing GTC limit (up to 3 ticks through the
 *   touch), half a market order by base quantity.
 * Taker sizes scale with how far the book is above or below its resting target, which keeps
 * it at a few thousand orders for the whole run. Self-trades are allowed (`stp: "none"`), as in
 * `nodejs-order-book`, so both books see the same fills.
 */

export const SYMBOL = "BTCUSDT";
export const USERS = 100;
export const RESTING_TARGET = 4_000;
const MID_TICKS = 1_000_000;
/** Far above any ask: a market buy's protection that never binds, as nodejs-order-book has none. */
const BUY_PROTECTION_TICKS = BigInt(MID_TICKS * 10);
const FUNDS_ATOMS = 10n ** 15n;

/** One operation, as the core sees it and as `nodejs-order-book` sees it. */
export interface FlowOp {
  command: Command;
  /** For a place: the id the core assigns, which `nodejs-order-book` reuses. For a cancel: the target. */
  orderId: number;
}

export interface OrderFlow {
  setup: Command[];
  prefill: FlowOp[];
  ops: PackedOps;
}

/** Operation kinds in {@link PackedOps}. */
const LIMIT = 0;
const MARKET = 1;
const CANCEL = 2;

/**
 * The timed operations packed into typed arrays. A million command objects kept alive for the
 * whole run would make every major collection inside the timed loop mark them too, which the
 * engine in production (commands streamed in, then dropped) never pays. Runners rebuild
 * commands chunk by chunk, outside the clock. Prices and sizes here are bench data, exact far
 * below 2^53, and become bigints when rebuilt.
 */
export class PackedOps {
  readonly count: number;
  private readonly kind: Uint8Array;
  private readonly buy: Uint8Array;
  private readonly userId: Uint32Array;
  private readonly priceTicks: Float64Array;
  private readonly qtyLots: Float64Array;
  /** Assigned id of a placed order, or the target of a cancel. */
  readonly orderId: Float64Array;

  constructor(count: number) {
    this.count = count;
    this.kind = new Uint8Array(count);
    this.buy = new Uint8Array(count);
    this.userId = new Uint32Array(count);
    this.priceTicks = new Float64Array(count);
    this.qtyLots = new Float64Array(count);
    this.orderId = new Float64Array(count);
  }

  pack(i: number, op: FlowOp): void {
    const c = op.command;
    this.orderId[i] = op.orderId;
    if (c.type === "order.cancel") {
      this.kind[i] = CANCEL;
      this.userId[i] = c.userId;
      return;
    }
    if (c.type !== "order.place") throw new Error(`cannot pack ${c.type}`);
    this.kind[i] = c.orderType === "limit" ? LIMIT : MARKET;
    this.buy[i] = c.side === "buy" ? 1 : 0;
    this.userId[i] = c.userId;
    this.qtyLots[i] = Number(c.qtyLots);
    this.priceTicks[i] = c.orderType === "limit" ? Number(c.priceTicks) : 0;
  }

  /** The operation at `i` as the core's command (identical to the one generated). */
  command(i: number): Command {
    const id = `b${i}`;
    const userId = this.userId[i] as number;
    if (this.kind[i] === CANCEL) {
      return {
        type: "order.cancel",
        id,
        ts: 1,
        userId,
        symbol: SYMBOL,
        orderId: this.orderId[i] as number,
      };
    }
    const side: Side = this.buy[i] === 1 ? "buy" : "sell";
    const qtyLots = BigInt(this.qtyLots[i] as number);
    if (this.kind[i] === LIMIT) {
      const priceTicks = BigInt(this.priceTicks[i] as number);
      return {
        type: "order.place",
        id,
        ts: 1,
        orderType: "limit",
        userId,
        symbol: SYMBOL,
        side,
        priceTicks,
        qtyLots,
        stp: "none",
      };
    }
    return side === "buy"
      ? {
          type: "order.place",
          id,
          ts: 1,
          orderType: "market",
          userId,
          symbol: SYMBOL,
          side,
          qtyLots,
          priceLimitTicks: BUY_PROTECTION_TICKS,
          stp: "none",
        }
      : {
          type: "order.place",
          id,
          ts: 1,
          orderType: "market",
          userId,
          symbol: SYMBOL,
          side,
          qtyLots,
          stp: "none",
        };
  }

  /** The same operation as `nodejs-order-book` sees it. */
  describe(i: number): {
    kind: "limit" | "market" | "cancel";
    buy: boolean;
    size: number;
    price: number;
    orderId: number;
  } {
    const kinds = ["limit", "market", "cancel"] as const;
    return {
      kind: kinds[this.kind[i] as number] ?? "cancel",
      buy: this.buy[i] === 1,
      size: this.qtyLots[i] as number,
      price: this.priceTicks[i] as number,
      orderId: this.orderId[i] as number,
    };
  }
}

class FlowBuilder {
  readonly core = new ExchangeCore();
  readonly prng: Prng;
  /** Resting order ids, with O(1) removal by swapping with the last. */
  private readonly live: number[] = [];
  private readonly slot = new Map<number, number>();
  private commandCount = 0;

  constructor(seed: number) {
    this.prng = new Prng(seed);
  }

  nextId(): string {
    this.commandCount += 1;
    return `b${this.commandCount}`;
  }

  get liveCount(): number {
    return this.live.length;
  }

  randomLive(): number {
    return this.prng.pick(this.live);
  }

  /** Applies `command` to the generator's core and tracks which orders rest. */
  run(command: Command): FlowOp {
    const result = this.core.apply(command);
    if (!result.accepted) throw new Error(`bench command rejected: ${result.message}`);
    let placedId = 0;
    for (const event of result.events) {
      if (event.type === "order.accepted") placedId = event.orderId;
      else if (event.type === "order.filled" || event.type === "order.cancelled") {
        this.forget(event.orderId);
      }
    }
    if (placedId !== 0 && this.core.order(placedId) !== undefined) {
      this.slot.set(placedId, this.live.length);
      this.live.push(placedId);
    }
    const orderId = command.type === "order.cancel" ? (command.orderId ?? 0) : placedId;
    return { command, orderId };
  }

  private forget(orderId: number): void {
    const index = this.slot.get(orderId);
    if (index === undefined) return;
    const last = this.live.pop() as number;
    if (last !== orderId) {
      this.live[index] = last;
      this.slot.set(last, index);
    }
    this.slot.delete(orderId);
  }
}

function setupCommands(): Command[] {
  const ts = 0;
  const commands: Command[] = [
    { type: "asset.add", id: "s1", ts, code: "BTC", precision: 8 },
    { type: "asset.add", id: "s2", ts, code: "USDT", precision: 6 },
    {
      type: "market.add",
      id: "s3",
      ts,
      symbol: SYMBOL,
      base: "BTC",
      quote: "USDT",
      tickSizeAtoms: 10_000n,
      lotSizeAtoms: 10_000n,
      minQtyLots: 1n,
      maxQtyLots: 1_000_000n,
      minNotionalAtoms: 0n,
      makerFeePpm: 1_000,
      takerFeePpm: 2_000,
    },
    { type: "feeTier.set", id: "s4", ts, tier: 1, makerScalePpm: 800_000, takerScalePpm: 800_000 },
  ];
  for (let userId = 1; userId <= USERS; userId++) {
    for (const asset of ["BTC", "USDT"]) {
      commands.push({
        type: "balance.deposit",
        id: `d${userId}${asset}`,
        ts,
        business: "deposit",
        businessId: `${userId}-${asset}`,
        userId,
        asset,
        amountAtoms: FUNDS_ATOMS,
      });
    }
    if (userId % 4 === 0) {
      commands.push({ type: "feeTier.assign", id: `t${userId}`, ts, userId, tier: 1 });
    }
  }
  return commands;
}

function limitOrder(
  b: FlowBuilder,
  side: Side,
  priceTicks: number,
  qtyLots: number,
): PlaceOrderCommand {
  return {
    type: "order.place",
    id: b.nextId(),
    ts: 1,
    orderType: "limit",
    userId: b.prng.int(1, USERS),
    symbol: SYMBOL,
    side,
    priceTicks: BigInt(priceTicks),
    qtyLots: BigInt(qtyLots),
    stp: "none",
  };
}

/** Mid price in ticks, from the touch (or the starting mid when a side is empty). */
function midTicks(core: ExchangeCore): number {
  const bid = core.bestPrice(SYMBOL, "buy");
  const ask = core.bestPrice(SYMBOL, "sell");
  if (bid === null && ask === null) return MID_TICKS;
  if (bid === null) return Number(ask) - 1;
  if (ask === null) return Number(bid) + 1;
  return Number((bid + ask) / 2n);
}

function passiveOrder(b: FlowBuilder, maxOffset: number): Command {
  const side: Side = b.prng.chance(0.5) ? "buy" : "sell";
  const mid = midTicks(b.core);
  const offset = b.prng.int(1, maxOffset);
  const price = side === "buy" ? mid - offset : mid + offset;
  const bestOpposite = b.core.bestPrice(SYMBOL, side === "buy" ? "sell" : "buy");
  const safe =
    bestOpposite === null
      ? price
      : side === "buy"
        ? Math.min(price, Number(bestOpposite) - 1)
        : Math.max(price, Number(bestOpposite) + 1);
  return limitOrder(b, side, safe, b.prng.int(1, 100));
}

function cancelOrder(b: FlowBuilder): Command {
  const orderId = b.randomLive();
  const order = b.core.order(orderId);
  if (order === undefined) throw new Error("bench lost track of a resting order");
  return {
    type: "order.cancel",
    id: b.nextId(),
    ts: 1,
    userId: order.userId,
    symbol: SYMBOL,
    orderId,
  };
}

/** A taker sized to drain about as much as the passive flow adds, steering toward the target. */
function takerOrder(b: FlowBuilder): Command {
  const side: Side = b.prng.chance(0.5) ? "buy" : "sell";
  const pressure = Math.max(0.25, Math.min(4, b.liveCount / RESTING_TARGET));
  const qtyLots = b.prng.int(1, Math.round(300 * pressure));
  if (b.prng.chance(0.5)) {
    const touch = b.core.bestPrice(SYMBOL, side === "buy" ? "sell" : "buy");
    const base = touch === null ? MID_TICKS : Number(touch);
    const through = b.prng.int(0, 3);
    return limitOrder(b, side, side === "buy" ? base + through : base - through, qtyLots);
  }
  return {
    type: "order.place",
    id: b.nextId(),
    ts: 1,
    orderType: "market",
    userId: b.prng.int(1, USERS),
    symbol: SYMBOL,
    side,
    qtyLots: BigInt(qtyLots),
    ...(side === "buy" ? { priceLimitTicks: BUY_PROTECTION_TICKS } : {}),
    stp: "none",
  };
}

/** Generates the whole flow from `seed`: setup, prefill, then `opCount` timed operations. */
export function generateOrderFlow(seed: number, opCount: number): OrderFlow {
  const b = new FlowBuilder(seed);
  const setup = setupCommands();
  for (const command of setup) b.run(command);
  const prefill: FlowOp[] = [];
  while (b.liveCount < RESTING_TARGET) prefill.push(b.run(passiveOrder(b, 50)));
  const ops = new PackedOps(opCount);
  for (let i = 0; i < opCount; i++) {
    const draw = b.prng.next();
    const command =
      draw < 0.6 || b.liveCount === 0
        ? passiveOrder(b, 20)
        : draw < 0.9
          ? cancelOrder(b)
          : takerOrder(b);
    ops.pack(i, b.run(command));
  }
  return { setup, prefill, ops };
}
