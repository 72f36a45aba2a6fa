/**
 * Commands for engine tests and benchmarks: reference data (two assets, one market) and a seeded
 * random trading workload shaped like the core benchmark's — after the deposits, about 60 %
 * limit orders near the touch, 30 % cancels of earlier ones, 10 % crossing IOC or market
 * orders — whose ids and timestamps are deterministic too.
 */
import type { Command } from "@exchange/core";

export const BASE = "BTC";
export const QUOTE = "USDT";
export const SYMBOL = "BTCUSDT";

/** BTC 8 decimals, USDT 6; tick 0.01 USDT, lot 0.0001 BTC (quote per tick-lot: 1 atom). */
export function referenceCommands(ts = 1): Command[] {
  return [
    { type: "asset.add", id: "ref:asset:BTC", ts, code: BASE, precision: 8 },
    { type: "asset.add", id: "ref:asset:USDT", ts, code: QUOTE, precision: 6 },
    {
      type: "market.add",
      id: `ref:market:${SYMBOL}`,
      ts,
      symbol: SYMBOL,
      base: BASE,
      quote: QUOTE,
      tickSizeAtoms: 10_000n,
      lotSizeAtoms: 10_000n,
      minQtyLots: 1n,
      maxQtyLots: 1_000_000n,
      minNotionalAtoms: 1n,
      makerFeePpm: 1_000,
      takerFeePpm: 2_000,
    },
  ];
}

/** Mulberry32: small, fast, seeded; good enough to shuffle a workload. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface WorkloadOptions {
  seed: number;
  users: number;
  /** Prefix of command ids, so several runs can share one journal without colliding. */
  idPrefix: string;
}

/** An endless seeded stream of trading commands over `users` funded users. */
export function* tradingWorkload(options: WorkloadOptions): Generator<Command> {
  const random = seededRandom(options.seed);
  const pick = (n: number) => Math.floor(random() * n);
  let n = 0;
  const id = () => `${options.idPrefix}:${n++}`;
  for (let userId = 1; userId <= options.users; userId++) {
    for (const [asset, amountAtoms] of [
      [BASE, 1_000n * 100_000_000n],
      [QUOTE, 100_000_000n * 1_000_000n],
    ] as const) {
      yield {
        type: "balance.deposit",
        id: id(),
        ts: n,
        business: "deposit",
        businessId: `${options.idPrefix}:${userId}:${asset}`,
        userId,
        asset,
        amountAtoms,
      };
    }
  }
  const mid = 5_000_000n; // 50 000.00 USDT in ticks
  // Recently placed orders, by (user, client order id), for cancels to pick from.
  const placed: Array<{ userId: number; clientOrderId: string }> = [];
  for (;;) {
    const userId = 1 + pick(options.users);
    const side = random() < 0.5 ? "buy" : "sell";
    const roll = random();
    if (roll < 0.6 || placed.length === 0) {
      // A limit order near the touch, most of which rests.
      const clientOrderId = `c${n}`;
      placed.push({ userId, clientOrderId });
      if (placed.length > 4_096) placed.splice(0, 1_024);
      const offset = BigInt(pick(50));
      yield {
        type: "order.place",
        orderType: "limit",
        id: id(),
        ts: n,
        userId,
        symbol: SYMBOL,
        side,
        clientOrderId,
        priceTicks: side === "buy" ? mid - offset : mid + offset,
        qtyLots: BigInt(1 + pick(20)),
      };
    } else if (roll < 0.9) {
      // Cancel one of them (it may have filled meanwhile: then the engine says so).
      const target = placed.splice(pick(placed.length), 1)[0] ?? { userId, clientOrderId: "none" };
      yield { type: "order.cancel", id: id(), ts: n, symbol: SYMBOL, ...target };
    } else if (roll < 0.95) {
      yield {
        type: "order.place",
        orderType: "limit",
        id: id(),
        ts: n,
        userId,
        symbol: SYMBOL,
        side,
        priceTicks: side === "buy" ? mid + 20n : mid - 20n,
        qtyLots: BigInt(1 + pick(10)),
        timeInForce: "IOC",
      };
    } else {
      yield {
        type: "order.place",
        orderType: "market",
        id: id(),
        ts: n,
        userId,
        symbol: SYMBOL,
        side,
        qtyLots: BigInt(1 + pick(5)),
        priceLimitTicks: side === "buy" ? mid + 100n : mid - 100n,
      };
    }
  }
}
