import { INTERVAL_MS, KLINE_INTERVALS } from "@exchange/contracts/kline";
import type { Command } from "@exchange/core";
import { Journal, recoverState } from "@exchange/journal";
import { tradingWorkload } from "@exchange/testkit";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Candle, candleKey, foldTrades } from "./candles";
import { loadAllCandles } from "./kline-store";
import {
  type MarketDataRig,
  type RunningJob,
  type RunningProjector,
  seedUnits,
  startRig,
} from "./market-data-test-kit";

type Level = [string, string];
interface Book {
  seq: number;
  bids: Level[];
  asks: Level[];
}

let rig: MarketDataRig;
let projector: RunningProjector;
let running: RunningJob;
const workload = tradingWorkload({ seed: 5, users: 8, idPrefix: "md" });

beforeAll(async () => {
  rig = await startRig("md");
  projector = rig.startProjector();
});

afterAll(async () => {
  await running?.stop();
  await projector?.stop();
  await rig?.close();
});

async function sendWorkload(count: number): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    pending.push(rig.client.send(workload.next().value as Command));
    if (pending.length >= 50) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
}

const channel = (name: string) => `${rig.sandbox.redisPrefix}stream:${name}`;

/** The depth snapshot as stored in Redis, best levels first (a reader of our own, not the job's). */
async function readSnapshot(symbol: string): Promise<Book> {
  const hash = await rig.redis.hgetall(`${rig.sandbox.redisPrefix}md:depth:${symbol}`);
  const side = (prefix: string, descending: boolean) => {
    const fields = Object.keys(hash).filter((f) => f.startsWith(prefix));
    fields.sort();
    if (descending) fields.reverse();
    return fields.map((f) => (hash[f] as string).split(":") as Level);
  };
  return { seq: Number(hash.seq), bids: side("b:", true), asks: side("a:", false) };
}

/** The engine's book now, replayed from its journal and formatted with the market's units. */
async function engineBook(symbol: string): Promise<Book> {
  const { core } = await recoverState(new Journal(rig.pool), null);
  const depth = core.depth(symbol, Number.MAX_SAFE_INTEGER);
  if (!depth) throw new Error(`engine has no market ${symbol}`);
  const units = seedUnits(symbol);
  const levels = (side: typeof depth.bids) =>
    side.map((l): Level => [units.price(l.priceTicks), units.quantity(l.qtyLots)]);
  return { seq: depth.seq, bids: levels(depth.bids), asks: levels(depth.asks) };
}

/** Applies a diff's levels to a book held as decimal strings (what a client does). */
function applyDiff(
  book: Book,
  diff: { lastSeq: number; bids: Level[]; asks: Level[] },
  units = seedUnits("BTCUSDT"),
): Book {
  const merge = (levels: Level[], changes: Level[], descending: boolean) => {
    const byPrice = new Map(levels);
    for (const [price, qty] of changes) {
      if (qty === "0") byPrice.delete(price);
      else byPrice.set(price, qty);
    }
    const ticks = (price: string) => units.parsePrice(price);
    const sorted = [...byPrice.entries()].sort(([a], [b]) =>
      ticks(a) < ticks(b) ? -1 : ticks(a) > ticks(b) ? 1 : 0,
    );
    return descending ? sorted.reverse() : sorted;
  };
  return {
    seq: diff.lastSeq,
    bids: merge(book.bids, diff.bids, true),
    asks: merge(book.asks, diff.asks, false),
  };
}

async function subscribe(
  pattern: string,
): Promise<{ messages: Array<[string, string]>; close(): void }> {
  const subscriber = new Redis(rig.sandbox.redisUrl);
  const messages: Array<[string, string]> = [];
  subscriber.on("pmessage", (_pattern: string, ch: string, message: string) =>
    messages.push([ch, message]),
  );
  await subscriber.psubscribe(pattern);
  return { messages, close: () => subscriber.disconnect() };
}

async function waitFor<T>(read: () => Promise<T> | T, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`gave up waiting; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("depth", () => {
  it("keeps a snapshot equal to the engine's book, and diffs that rebuild it without a gap", async () => {
    const feed = await subscribe(channel("BTCUSDT@depth"));
    running = await rig.startJob();
    // The job may start before the projector has seen the market (its offset is then 0, and the
    // market's snapshot appears when the job replays `market.added`).
    const initial = await waitFor(
      () => readSnapshot("BTCUSDT"),
      (book) => !Number.isNaN(book.seq),
    );
    await sendWorkload(1_500);
    const seq = await rig.caughtUp(running.job);
    expect(seq).toBeGreaterThan(1_000);

    const expected = await engineBook("BTCUSDT");
    expect(expected.bids.length).toBeGreaterThan(5);
    expect(expected.asks.length).toBeGreaterThan(5);
    expect(await readSnapshot("BTCUSDT")).toEqual(expected);

    // A client holding the first snapshot and applying every diff ends at the same book.
    const diffs = await waitFor(
      () => feed.messages.map(([, m]) => JSON.parse(m)),
      (all) => all.at(-1)?.lastSeq === expected.seq,
    );
    let book = initial;
    for (const diff of diffs) {
      expect(diff.type).toBe("diff");
      if (diff.lastSeq <= book.seq) continue;
      expect(diff.firstSeq).toBe(book.seq + 1);
      book = applyDiff(book, diff);
    }
    expect(diffs.length).toBeGreaterThan(10);
    expect(book).toEqual(expected);
    feed.close();
  });
});

describe("a market added while the job runs", () => {
  it("starts from an empty snapshot at sequence 0 that its first diff follows on from", async () => {
    await rig.pool.query(
      `INSERT INTO assets (code, name, precision) VALUES ('DOGE', 'Dogecoin', 8);
       INSERT INTO markets (symbol, base_asset, quote_asset, price_tick, lot_size, min_qty, max_qty,
         min_notional, maker_fee_rate, taker_fee_rate, updated_at)
       VALUES ('DOGEUSDT', 'DOGE', 'USDT', 0.0001, 1, 1, 1000000, 1, 0.001, 0.001, now())`,
    );
    const feed = await subscribe(channel("DOGEUSDT@depth"));
    for (const command of [
      { type: "asset.add", id: "md-doge:asset", ts: 1, code: "DOGE", precision: 8 },
      {
        type: "market.add",
        id: "md-doge:market",
        ts: 1,
        symbol: "DOGEUSDT",
        base: "DOGE",
        quote: "USDT",
        tickSizeAtoms: 10_000n,
        lotSizeAtoms: 100_000_000n,
        minQtyLots: 1n,
        maxQtyLots: 1_000_000n,
        minNotionalAtoms: 1n,
        makerFeePpm: 1_000,
        takerFeePpm: 1_000,
      },
      {
        type: "balance.deposit",
        id: "md-doge:deposit",
        ts: 1,
        business: "deposit",
        businessId: "md-doge",
        userId: 201,
        asset: "DOGE",
        amountAtoms: 1_000n * 100_000_000n,
      },
      {
        type: "order.place",
        orderType: "limit",
        id: "md-doge:sell",
        ts: 2,
        userId: 201,
        symbol: "DOGEUSDT",
        side: "sell",
        priceTicks: 1_234n,
        qtyLots: 250n,
      },
    ] as Command[])
      await rig.client.send(command);
    await rig.caughtUp(running.job);
    expect(await readSnapshot("DOGEUSDT")).toEqual({
      seq: 1,
      bids: [],
      asks: [["0.1234", "250"]],
    });
    const diffs = await waitFor(
      () => feed.messages.map(([, m]) => JSON.parse(m)),
      (all) => all.length > 0,
    );
    expect(diffs).toEqual([
      { type: "diff", firstSeq: 1, lastSeq: 1, bids: [], asks: [["0.1234", "250"]], time: 2 },
    ]);
    expect(rig.warnings).toEqual([]);
    feed.close();
  });
});

describe("known trades on ETHUSDT", () => {
  const MAKER = 101;
  const TAKER = 102;
  // Two hours before the current hour: inside the 24 h window, and every candle starts here.
  const base = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
  const trades = [
    { at: 5_000, price: "2000", qty: "0.5" },
    { at: 40_000, price: "2010.5", qty: "0.25" },
    { at: 190_000, price: "1990.01", qty: "1" },
  ];
  let pushes: Awaited<ReturnType<typeof subscribe>>;
  const orderIds = new Map<number, number[]>([
    [MAKER, []],
    [TAKER, []],
  ]);

  beforeAll(async () => {
    pushes = await subscribe(channel("10[12]@*"));
    const units = seedUnits("ETHUSDT");
    const send = async (command: Command) => {
      const reply = await rig.client.send(command);
      expect(reply.outcome.ok).toBe(true);
      for (const event of reply.outcome.events)
        if (event.type === "order.accepted") orderIds.get(event.userId)?.push(event.orderId);
    };
    const deposit = (userId: number, asset: string, amount: string) =>
      send({
        type: "balance.deposit",
        id: `md-known:deposit:${userId}:${asset}`,
        ts: base,
        business: "deposit",
        businessId: `md-known:${userId}:${asset}`,
        userId,
        asset,
        amountAtoms: units.parseQuote(amount),
      });
    await deposit(MAKER, "ETH", "10");
    await deposit(TAKER, "USDT", "100000");
    for (const [i, trade] of trades.entries()) {
      for (const [userId, side] of [
        [MAKER, "sell"],
        [TAKER, "buy"],
      ] as const) {
        await send({
          type: "order.place",
          orderType: "limit",
          id: `md-known:${i}:${side}`,
          ts: base + trade.at - (side === "sell" ? 1_000 : 0),
          userId,
          symbol: "ETHUSDT",
          side,
          clientOrderId: `known-${i}-${side}`,
          priceTicks: units.parsePrice(trade.price),
          qtyLots: units.parseQuantity(trade.qty),
        });
      }
    }
    await rig.caughtUp(running.job);
  });

  afterAll(() => pushes.close());

  it("stores candles of every interval with exact decimals", async () => {
    const { rows } = await rig.pool.query(
      `SELECT interval, (extract(epoch FROM open_time) * 1000)::bigint::text AS open_ms,
              open_ticks::text AS o, high_ticks::text AS h, low_ticks::text AS l,
              close_ticks::text AS c, volume_lots::text AS v, quote_atoms::text AS q, trade_count AS n
       FROM klines WHERE symbol = 'ETHUSDT' ORDER BY interval, open_time`,
    );
    const units = seedUnits("ETHUSDT");
    const candles = rows.map((r) => ({
      interval: r.interval,
      openTime: Number(r.open_ms),
      ohlc: [r.o, r.h, r.l, r.c].map((t: string) => units.price(BigInt(t))),
      volume: units.quantity(BigInt(r.v)),
      quoteVolume: units.quote(BigInt(r.q)),
      trades: r.n,
    }));
    const whole = {
      ohlc: ["2000", "2010.5", "1990.01", "1990.01"],
      volume: "1.75",
      quoteVolume: "3492.635",
      trades: 3,
    };
    const startOf = (ms: number) => base - (base % ms);
    expect(candles).toEqual(
      [
        { interval: "15m", openTime: base, ...whole },
        {
          interval: "1d",
          openTime: startOf(INTERVAL_MS["1d"]),
          ...whole,
        },
        { interval: "1h", openTime: base, ...whole },
        {
          interval: "1m",
          openTime: base,
          ohlc: ["2000", "2010.5", "2000", "2010.5"],
          volume: "0.75",
          quoteVolume: "1502.625",
          trades: 2,
        },
        {
          interval: "1m",
          openTime: base + 180_000,
          ohlc: ["1990.01", "1990.01", "1990.01", "1990.01"],
          volume: "1",
          quoteVolume: "1990.01",
          trades: 1,
        },
        { interval: "4h", openTime: startOf(INTERVAL_MS["4h"]), ...whole },
        { interval: "5m", openTime: base, ...whole },
      ].sort((a, b) => (a.interval < b.interval ? -1 : a.interval > b.interval ? 1 : 0)),
    );
  });

  it("publishes the 24 h ticker with exact change and change percent", async () => {
    const ticker = await waitFor(
      async () =>
        JSON.parse((await rig.redis.get(`${rig.sandbox.redisPrefix}md:ticker:ETHUSDT`)) ?? "{}"),
      (t) => t.trades === 3,
    );
    expect(ticker).toEqual({
      symbol: "ETHUSDT",
      open: "2000",
      high: "2010.5",
      low: "1990.01",
      last: "1990.01",
      volume: "1.75",
      quoteVolume: "3492.635",
      change: "-9.99",
      // -9.99 / 2000 = -0.4995 %, truncated toward zero.
      changePercent: "-0.49",
      trades: 3,
      time: expect.any(Number),
    });
  });

  it("publishes each user's fills with fee and liquidity, and balances after each change", async () => {
    const of = (userId: number, topic: string) =>
      pushes.messages
        .filter(([ch]) => ch === channel(`${userId}@${topic}`))
        .map(([, m]) => JSON.parse(m));
    expect(of(MAKER, "account")).toEqual([
      expect.objectContaining({
        liquidity: "maker",
        side: "sell",
        price: "2000",
        quantity: "0.5",
        quoteAmount: "1000",
        fee: "1",
        feeAsset: "USDT",
        executedAt: base + 5_000,
      }),
      expect.objectContaining({
        liquidity: "maker",
        side: "sell",
        price: "2010.5",
        quantity: "0.25",
        quoteAmount: "502.625",
        fee: "0.502625",
        feeAsset: "USDT",
      }),
      expect.objectContaining({
        liquidity: "maker",
        side: "sell",
        price: "1990.01",
        quantity: "1",
        quoteAmount: "1990.01",
        fee: "1.99001",
        feeAsset: "USDT",
      }),
    ]);
    expect(of(TAKER, "account")).toEqual([
      expect.objectContaining({ liquidity: "taker", side: "buy", fee: "0.001", feeAsset: "ETH" }),
      expect.objectContaining({ liquidity: "taker", side: "buy", fee: "0.0005", feeAsset: "ETH" }),
      expect.objectContaining({ liquidity: "taker", side: "buy", fee: "0.002", feeAsset: "ETH" }),
    ]);
    const last = (userId: number, asset: string) =>
      of(userId, "balance")
        .filter((b) => b.asset === asset)
        .at(-1);
    // 3492.635 USDT of sales less 0.1 % maker fees; 10 ETH less 1.75 sold.
    expect(last(MAKER, "USDT")).toEqual({
      asset: "USDT",
      available: "3489.142365",
      frozen: "0",
      total: "3489.142365",
    });
    expect(last(MAKER, "ETH")).toEqual({
      asset: "ETH",
      available: "8.25",
      frozen: "0",
      total: "8.25",
    });
    expect(last(TAKER, "ETH")).toEqual({
      asset: "ETH",
      available: "1.7465",
      frozen: "0",
      total: "1.7465",
    });
    expect(of(TAKER, "order").at(-1)).toMatchObject({
      clientOrderId: "known-2-buy",
      status: "FILLED",
      filledQuantity: "1",
      averagePrice: "1990.01",
      createdAt: base + 190_000,
    });
  });

  it("sends a user's orders and fills to that user's channels only", async () => {
    for (const [userId, other] of [
      [MAKER, TAKER],
      [TAKER, MAKER],
    ] as const) {
      const own = orderIds.get(userId) ?? [];
      const theirs = orderIds.get(other) ?? [];
      const pushed = pushes.messages
        .filter(([ch]) => ch.startsWith(channel(`${userId}@`)))
        .map(([, m]) => JSON.parse(m))
        .filter((m) => m.orderId !== undefined);
      expect(pushed.length).toBeGreaterThanOrEqual(6);
      for (const message of pushed) {
        expect(own).toContain(message.orderId);
        expect(theirs).not.toContain(message.orderId);
      }
    }
  });
});

/** Every candle the `trades` read model implies, folded in one go. */
async function candlesFromTrades(): Promise<Map<string, Candle>> {
  const { rows } = await rig.pool.query(
    `SELECT trade_id, symbol, seq::text, (extract(epoch FROM executed_at) * 1000)::bigint::text AS ts,
            price_ticks::text, qty_lots::text, quote_atoms::text FROM trades ORDER BY trade_id`,
  );
  return foldTrades(
    rows.map((r) => ({
      symbol: r.symbol,
      tradeId: r.trade_id,
      seq: Number(r.seq),
      ts: Number(r.ts),
      priceTicks: BigInt(r.price_ticks),
      qtyLots: BigInt(r.qty_lots),
      quoteAtoms: BigInt(r.quote_atoms),
    })),
  );
}

async function storedCandles(): Promise<Map<string, Candle>> {
  const candles = await loadAllCandles(rig.pool);
  return new Map(candles.map((c) => [candleKey(c), c]));
}

async function projectorCaughtUp(): Promise<void> {
  const { seq } = await rig.engine.stateDigest();
  await waitFor(
    () => projector.projector.projectedSeq,
    (projected) => projected >= seq,
  );
}

describe("restarts", () => {
  it("catches up after its own restart: candles with no gap, the book as the engine has it", async () => {
    await running.stop();
    await sendWorkload(600);
    running = await rig.startJob();
    await rig.caughtUp(running.job);
    await projectorCaughtUp();
    const stored = await storedCandles();
    const { rows } = await rig.pool.query("SELECT count(*)::int AS n FROM trades");
    const minuteTrades = [...stored.values()]
      .filter((c) => c.interval === "1m")
      .reduce((n, c) => n + c.tradeCount, 0);
    expect(minuteTrades).toBe(rows[0].n);
    expect(stored).toEqual(await candlesFromTrades());
    expect(await readSnapshot("BTCUSDT")).toEqual(await engineBook("BTCUSDT"));
  });

  it("rebuilds candles from the trades table when it never ran against this database", async () => {
    await running.stop();
    const before = await storedCandles();
    expect(before.size).toBeGreaterThan(KLINE_INTERVALS.length);
    await rig.pool.query("DELETE FROM klines");
    await rig.pool.query("DELETE FROM projector_offsets WHERE name = 'market-data'");
    await sendWorkload(300);
    running = await rig.startJob();
    await rig.caughtUp(running.job);
    await projectorCaughtUp();
    const rebuilt = await storedCandles();
    expect(rebuilt).toEqual(await candlesFromTrades());
    for (const [key, candle] of before) {
      const now = rebuilt.get(key);
      expect(now?.tradeCount).toBeGreaterThanOrEqual(candle.tradeCount);
    }
    expect(await readSnapshot("BTCUSDT")).toEqual(await engineBook("BTCUSDT"));
  });

  it("writes everything again when Redis loses it", async () => {
    const keys = await rig.redis.keys(`${rig.sandbox.redisPrefix}md:*`);
    expect(keys).toContain(`${rig.sandbox.redisPrefix}md:ticker:ETHUSDT`);
    await rig.redis.del(...keys);
    await waitFor(
      () => rig.redis.exists(`${rig.sandbox.redisPrefix}md:alive`),
      (n) => n === 1,
    );
    expect(await readSnapshot("BTCUSDT")).toEqual(await engineBook("BTCUSDT"));
    expect(await rig.redis.llen(`${rig.sandbox.redisPrefix}md:trades:BTCUSDT`)).toBe(200);
    expect(
      JSON.parse((await rig.redis.get(`${rig.sandbox.redisPrefix}md:ticker:ETHUSDT`)) ?? "{}"),
    ).toMatchObject({ trades: 3, last: "1990.01" });
  });
});

describe("a slow candle store", () => {
  it("holds back no book change or trade; the candles land once Postgres answers", async () => {
    const feed = await subscribe(channel("DOGEUSDT@*"));
    const storedSeq = running.job.publishedSeq;
    const doge = (id: string, fields: Record<string, unknown>) =>
      ({ id: `md-slow:${id}`, ts: Date.now(), ...fields }) as Command;
    const order = (id: string, userId: number, side: string, priceTicks: bigint) =>
      doge(id, {
        type: "order.place",
        orderType: "limit",
        userId,
        symbol: "DOGEUSDT",
        side,
        priceTicks,
        qtyLots: 1n,
      });
    // The job's offset row locked: every candle store waits on it.
    const lock = await rig.pool.connect();
    try {
      await lock.query("BEGIN");
      await lock.query("SELECT seq FROM projector_offsets WHERE name = 'market-data' FOR UPDATE");
      // One engine batch each: two deposits, two resting sells, a buy that lifts the first.
      for (const command of [
        doge("deposit-doge", {
          type: "balance.deposit",
          business: "deposit",
          businessId: "md-slow-doge",
          userId: 301,
          asset: "DOGE",
          amountAtoms: 10n * 100_000_000n,
        }),
        doge("deposit-usdt", {
          type: "balance.deposit",
          business: "deposit",
          businessId: "md-slow-usdt",
          userId: 302,
          asset: "USDT",
          amountAtoms: 1_000_000_000n,
        }),
        order("sell-1", 301, "sell", 2_000n),
        order("sell-2", 301, "sell", 2_100n),
        order("buy", 302, "buy", 2_000n),
      ])
        await rig.client.send(command);
      const { core } = await recoverState(new Journal(rig.pool), null);
      const bookSeq = core.depth("DOGEUSDT", 1)?.seq;
      const pushed = await waitFor(
        () => feed.messages.map(([ch, m]) => [ch, JSON.parse(m)] as const),
        (all) =>
          all.some(([ch, m]) => ch.endsWith("@depth") && m.lastSeq === bookSeq) &&
          all.some(([ch]) => ch.endsWith("@trades")),
      );
      expect(pushed.filter(([ch]) => ch.endsWith("@trades"))).toHaveLength(1);
      expect(running.job.publishedSeq).toBe(storedSeq);
    } finally {
      await lock.query("ROLLBACK");
      lock.release();
      feed.close();
    }
    await rig.caughtUp(running.job);
    await projectorCaughtUp();
    expect(await storedCandles()).toEqual(await candlesFromTrades());
  });
});
