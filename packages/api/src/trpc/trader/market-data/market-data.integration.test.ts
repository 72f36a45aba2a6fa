import type { Command } from "@exchange/core";
import { AppError } from "@exchange/domains/errors";
import { marketDirectory } from "@exchange/domains/markets/market-directory";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "../../../testing/callers";
import type { Services } from "../../context";

/**
 * The public market-data procedures against the real engine and the real worker: a known set
 * of orders on BTCUSDT, and the book, trades, ticker and candles the API then reports, to the
 * last decimal.
 */
let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
const api = () => callTraderApi(services);
const SELLER = 501;
const BUYER = 502;
// Three hours before the current hour: inside the 24 h window; every candle here starts on it.
const BASE = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000;
let bookSeq = 0;

async function send(command: Command): Promise<void> {
  const reply = await services.engine.send(command);
  expect(reply.outcome.ok).toBe(true);
  for (const event of reply.outcome.events)
    if (event.type === "book.levelChanged" && event.symbol === "BTCUSDT") bookSeq = event.seq;
}

async function order(
  id: string,
  userId: number,
  side: "buy" | "sell",
  price: string,
  qty: string,
  at: number,
) {
  const { units } = await marketDirectory(services).get("BTCUSDT");
  await send({
    type: "order.place",
    orderType: "limit",
    id: `md-api:${id}`,
    ts: BASE + at,
    userId,
    symbol: "BTCUSDT",
    side,
    priceTicks: units.parsePrice(price),
    qtyLots: units.parseQuantity(qty),
  });
}

async function appCodeOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => expect.fail("the call succeeded"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause;
  return cause instanceof AppError ? cause.code : (error as TRPCError).code;
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("mdapi");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices(sandbox);
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const { units } = await marketDirectory(services).get("BTCUSDT");
  for (const [userId, asset, amount] of [
    [SELLER, "BTC", "1"],
    [BUYER, "USDT", "100000"],
  ] as const) {
    await send({
      type: "balance.deposit",
      id: `md-api:deposit:${userId}`,
      ts: BASE,
      business: "deposit",
      businessId: `md-api:${userId}`,
      userId,
      asset,
      amountAtoms: units.parseQuote(amount),
    });
  }
  await order("s1", SELLER, "sell", "50000", "0.1", 1_000);
  await order("s2", SELLER, "sell", "50010.5", "0.2", 2_000);
  await order("s3", SELLER, "sell", "50100", "0.3", 3_000);
  // Minute 1: takes 0.1 at 50000 and 0.05 at 50010.5.
  await order("b1", BUYER, "buy", "50010.5", "0.15", 61_000);
  await order("b2", BUYER, "buy", "49000", "0.05", 62_000);
  // Minute 2: takes 0.1 more at 50010.5.
  await order("b3", BUYER, "buy", "50100", "0.1", 130_000);
}, 60_000);

afterAll(async () => {
  if (services) await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("marketData", () => {
  it("depth: the book at its sequence, best first, as deep as asked", async () => {
    const depth = await eventually(async () => {
      const d = await api().marketData.depth({ symbol: "BTCUSDT" });
      expect(d.seq).toBe(bookSeq);
      return d;
    });
    expect(depth).toEqual({
      symbol: "BTCUSDT",
      seq: bookSeq,
      bids: [["49000", "0.05"]],
      asks: [
        ["50010.5", "0.05"],
        ["50100", "0.3"],
      ],
    });
    expect(await api().marketData.depth({ symbol: "BTCUSDT", limit: 1 })).toMatchObject({
      asks: [["50010.5", "0.05"]],
    });
  });

  it("trades: newest first, the taker's side", async () => {
    const trades = await eventually(async () => {
      const t = await api().marketData.trades({ symbol: "BTCUSDT" });
      expect(t).toHaveLength(3);
      return t;
    });
    expect(trades.map((t) => [t.price, t.quantity, t.side, t.time.getTime()])).toEqual([
      ["50010.5", "0.1", "buy", BASE + 130_000],
      ["50010.5", "0.05", "buy", BASE + 61_000],
      ["50000", "0.1", "buy", BASE + 61_000],
    ]);
    expect(trades[0]?.tradeId).toBeGreaterThan(trades[1]?.tradeId ?? Number.MAX_SAFE_INTEGER);
    expect(await api().marketData.trades({ symbol: "BTCUSDT", limit: 1 })).toHaveLength(1);
  });

  it("ticker: 24 h statistics to the last decimal, for one market and for all", async () => {
    const expected = {
      symbol: "BTCUSDT",
      open: "50000",
      high: "50010.5",
      low: "50000",
      last: "50010.5",
      volume: "0.25",
      quoteVolume: "12501.575",
      change: "10.5",
      // 10.5 / 50000 = 0.021 %, truncated to hundredths.
      changePercent: "0.02",
      trades: 3,
    };
    await eventually(async () => {
      expect(await api().marketData.ticker({ symbol: "BTCUSDT" })).toEqual(expected);
    });
    const quiet = (symbol: string) => ({
      symbol,
      open: null,
      high: null,
      low: null,
      last: null,
      volume: "0",
      quoteVolume: "0",
      change: null,
      changePercent: null,
      trades: 0,
    });
    // Every market's, the seed's perpetual contracts included.
    expect(await api().marketData.tickers()).toEqual([
      expected,
      quiet("ETHUSDT"),
      quiet("BTCUSDT-PERP"),
      quiet("ETHUSDT-PERP"),
    ]);
  });

  it("klines: candles oldest first, the latest `limit`, or those opening before a time", async () => {
    const minute1 = {
      openTime: new Date(BASE + 60_000),
      open: "50000",
      high: "50010.5",
      low: "50000",
      close: "50010.5",
      volume: "0.15",
      quoteVolume: "7500.525",
      trades: 2,
    };
    const minute2 = {
      openTime: new Date(BASE + 120_000),
      open: "50010.5",
      high: "50010.5",
      low: "50010.5",
      close: "50010.5",
      volume: "0.1",
      quoteVolume: "5001.05",
      trades: 1,
    };
    await eventually(async () => {
      expect(await api().marketData.klines({ symbol: "BTCUSDT", interval: "1m" })).toEqual([
        minute1,
        minute2,
      ]);
    });
    expect(await api().marketData.klines({ symbol: "BTCUSDT", interval: "1m", limit: 1 })).toEqual([
      minute2,
    ]);
    expect(
      await api().marketData.klines({
        symbol: "BTCUSDT",
        interval: "1m",
        before: new Date(BASE + 120_000),
      }),
    ).toEqual([minute1]);
    expect(await api().marketData.klines({ symbol: "BTCUSDT", interval: "1h" })).toEqual([
      { ...minute1, openTime: new Date(BASE), volume: "0.25", quoteVolume: "12501.575", trades: 3 },
    ]);
  });

  it("refuses unknown markets and bad input, and says when the book is not available", async () => {
    expect(await appCodeOf(api().marketData.depth({ symbol: "NOPEUSDT" }))).toBe("NOT_FOUND");
    expect(await appCodeOf(api().marketData.ticker({ symbol: "NOPEUSDT" }))).toBe("NOT_FOUND");
    expect(await appCodeOf(api().marketData.depth({ symbol: "btcusdt" }))).toBe("BAD_REQUEST");
    expect(await appCodeOf(api().marketData.depth({ symbol: "BTCUSDT", limit: 0 }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await appCodeOf(api().marketData.klines({ symbol: "BTCUSDT", interval: "7m" as "1m" })),
    ).toBe("BAD_REQUEST");
    await services.redis.del(`${services.redisPrefix}md:depth:ETHUSDT`);
    expect(await appCodeOf(api().marketData.depth({ symbol: "ETHUSDT" }))).toBe(
      "ENGINE_UNAVAILABLE",
    );
  });
});
