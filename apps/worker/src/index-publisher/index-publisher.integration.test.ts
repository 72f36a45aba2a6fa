/**
 * The index publisher against a real book: the engine matches, the market-data consumer keeps
 * depth and trades in Redis, and the publisher's passes read them, record the index in
 * `index_prices`, push it on `<SYMBOL>@markprice`, feed it to the engine when due, and raise
 * (then resolve) the alert of a pair without an index.
 */
import { ZMarkPricePush } from "@exchange/contracts/markprice";
import type { Command } from "@exchange/core";
import { exchangeIndexSource } from "@exchange/domains/lending/exchange-index-source";
import { findRecentIndexPrices } from "@exchange/domains/lending/index-price-repository";
import { type IndexToSend, staleIndexAlertKey } from "@exchange/domains/lending/index-publisher";
import { closeStore, openStore } from "@exchange/domains/services";
import { Journal, recoverState } from "@exchange/journal";
import { createLogger, ManualClock, streamBusChannel } from "@exchange/protocol";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type MarketDataRig,
  type RunningJob,
  startRig,
} from "../consumers/market-data/market-data-test-kit";
import { IndexPublisherLoop, indexSenderOf } from "./index-publisher-loop";

/** USDT has 8 decimals in the seeded reference data. */
const USDT = 100_000_000n;
/** BTCUSDT's tick is 0.01 USDT. */
const ticks = (usdt: number) => BigInt(Math.round(usdt * 100));

let rig: MarketDataRig;
let job: RunningJob;
let store: ReturnType<typeof openStore>;
let subscriber: Redis;
const pushes: unknown[] = [];
const clock = new ManualClock(Date.UTC(2026, 11, 19, 12, 0, 0));
const sent: IndexToSend[] = [];
let loop: IndexPublisherLoop;
let engineSender: ReturnType<typeof indexSenderOf>;
let n = 0;

function place(
  userId: number,
  symbol: string,
  side: "buy" | "sell",
  priceTicks: bigint,
  qtyLots: bigint,
  clientOrderId?: string,
): Command {
  return {
    ...(clientOrderId ? { clientOrderId } : {}),
    type: "order.place",
    orderType: "limit",
    id: `idx:${n++}`,
    ts: n,
    userId,
    symbol,
    side,
    priceTicks,
    qtyLots,
  };
}

async function send(commands: Command[]): Promise<void> {
  for (const command of commands) {
    const reply = await rig.client.send(command);
    expect(reply.outcome).toMatchObject({ ok: true });
  }
  await rig.caughtUp(job.job);
}

async function alertsOf(key: string) {
  return store.alert.findMany({ where: { key }, select: { status: true, severity: true } });
}

beforeAll(async () => {
  rig = await startRig("idx");
  job = await rig.startJob();
  store = openStore(rig.sandbox.databaseUrl);
  subscriber = new Redis(rig.sandbox.redisUrl);
  await subscriber.subscribe(streamBusChannel(rig.sandbox.redisPrefix, "BTCUSDT@markprice"));
  subscriber.on("message", (_channel, message) => pushes.push(JSON.parse(message)));
  const deposits: Command[] = [
    [1, "USDT", 10_000_000n * USDT],
    [2, "BTC", 100n * 100_000_000n],
    [2, "ETH", 100n * 100_000_000n],
  ].map(([userId, asset, amountAtoms]) => ({
    type: "balance.deposit",
    id: `idx:${n++}`,
    ts: n,
    business: "deposit",
    businessId: `idx:${userId}:${asset}`,
    userId: userId as number,
    asset: asset as string,
    amountAtoms: amountAtoms as bigint,
  }));
  await send(deposits);
  const log = createLogger("index-publisher-test", "error");
  engineSender = indexSenderOf({ engine: rig.client, clock });
  loop = new IndexPublisherLoop({
    db: store,
    redis: rig.redis,
    redisPrefix: rig.sandbox.redisPrefix,
    clock,
    log,
    sources: [exchangeIndexSource(rig.redis, rig.sandbox.redisPrefix)],
    alerts: {
      db: store,
      redis: rig.redis,
      redisPrefix: rig.sandbox.redisPrefix,
      log,
      clock,
      settings: { renotifyMs: 3_600_000, roles: [], mailTo: [], locale: "en" },
    },
    sendIndex: async (index) => {
      sent.push(index);
      return engineSender(index);
    },
  });
});

afterAll(async () => {
  subscriber?.disconnect();
  await job?.stop();
  if (store) await closeStore(store);
  await rig?.close();
});

describe("the index publisher", () => {
  it("has no index before a market's first trade", async () => {
    const pass = await loop.publisher.pass();
    expect(pass.pairs.map((p) => p.symbol)).toEqual(["BTCUSDT", "ETHUSDT"]);
    expect(pass.pairs.every((p) => p.priceAtoms === null && !p.stale)).toBe(true);
  });

  it("records the mid of the book near the last trade, pushes it and sends it to the engine", async () => {
    // A trade at 30 000, then a book of 29 990 / 30 020: the mid, 30 005, is within 5 %.
    await send([
      place(2, "BTCUSDT", "sell", ticks(30_000), 500n),
      place(1, "BTCUSDT", "buy", ticks(30_000), 500n),
      place(1, "BTCUSDT", "buy", ticks(29_990), 100n),
      place(2, "BTCUSDT", "sell", ticks(30_020), 100n, "ask-30020"),
    ]);
    clock.advance(1_000);
    const pass = await loop.publisher.pass();
    const btc = pass.pairs.find((p) => p.symbol === "BTCUSDT");
    expect(btc).toMatchObject({ priceAtoms: 30_005n * USDT, stale: false });

    const [row] = await findRecentIndexPrices(store, { asset: "BTC", quote: "USDT" }, 5);
    expect(row).toMatchObject({
      priceAtoms: 30_005n * USDT,
      method: "mid",
      sources: "exchange:BTCUSDT",
      samples: 1,
      at: new Date(clock.now()),
    });

    const stored = await rig.redis.get(`${rig.sandbox.redisPrefix}md:markprice:BTCUSDT`);
    const expected = {
      symbol: "BTCUSDT",
      markPrice: "30005",
      indexPrice: "30005",
      estimatedSettlePrice: null,
      fundingRate: null,
      nextFundingTime: null,
      time: clock.now(),
    };
    expect(JSON.parse(stored ?? "null")).toEqual(expected);
    await expect.poll(() => pushes.at(-1)).toEqual(expected);
    expect(ZMarkPricePush.safeParse(pushes.at(-1)).success).toBe(true);

    expect(sent).toEqual([
      { asset: "BTC", quote: "USDT", priceAtoms: 30_005n * USDT, atMs: clock.now() },
    ]);
    // The engine holds it: every loan decision on it is in the journal.
    const { core } = await recoverState(new Journal(rig.pool), null);
    expect(core.indexPrice("BTC", "USDT")).toMatchObject({
      priceAtoms: 30_005n * USDT,
      at: clock.now(),
    });
  });

  it("takes the last trade when the book is pulled more than 5 % away, under the median", async () => {
    // The ask side is cancelled and a far ask placed: mid (29 990 + 40 000) / 2 is out of band.
    await send([
      {
        type: "order.cancel",
        id: `idx:${n++}`,
        ts: n,
        symbol: "BTCUSDT",
        userId: 2,
        clientOrderId: "ask-30020",
      },
      place(2, "BTCUSDT", "sell", ticks(40_000), 100n),
    ]);
    clock.advance(1_000);
    await loop.publisher.pass();
    const [row] = await findRecentIndexPrices(store, { asset: "BTC", quote: "USDT" }, 1);
    // The window holds 30 005 and 30 000: the lower middle is the last trade's 30 000.
    expect(row).toMatchObject({ method: "last", samples: 2, priceAtoms: 30_000n * USDT });
  });

  it("sends an unchanged index only when the heartbeat is due", async () => {
    const before = sent.length;
    clock.advance(1_000);
    await loop.publisher.pass();
    expect(sent.length).toBe(before);
    clock.advance(10_000);
    await loop.publisher.pass();
    expect(sent.length).toBe(before + 1);
  });

  it("raises an alert for a pair without an index for 30 s, and resolves it when it returns", async () => {
    clock.advance(31_000);
    const pass = await loop.publisher.pass();
    expect(pass.pairs.find((p) => p.symbol === "ETHUSDT")).toMatchObject({ stale: true });
    expect(pass.pairs.find((p) => p.symbol === "BTCUSDT")).toMatchObject({ stale: false });
    expect(await alertsOf(staleIndexAlertKey("ETHUSDT"))).toEqual([
      { status: "OPEN", severity: "CRITICAL" },
    ]);
    expect(await alertsOf(staleIndexAlertKey("BTCUSDT"))).toEqual([]);
    expect(loop.publisher.ages(clock.now())).toContainEqual({
      symbol: "ETHUSDT",
      ageMs: expect.any(Number),
    });

    // ETHUSDT trades: its index is back and the alert resolves.
    await send([
      place(2, "ETHUSDT", "sell", 200_000n, 10n),
      place(1, "ETHUSDT", "buy", 200_000n, 10n),
    ]);
    clock.advance(1_000);
    await loop.publisher.pass();
    expect(await alertsOf(staleIndexAlertKey("ETHUSDT"))).toEqual([
      { status: "RESOLVED", severity: "CRITICAL" },
    ]);
  });

  it("runs as a loop on the board: a step is one pass", async () => {
    const rows = async () =>
      (await findRecentIndexPrices(store, { asset: "BTC", quote: "USDT" }, 100)).length;
    const before = await rows();
    clock.advance(1_000);
    const stepping = loop.step();
    loop.stop();
    expect(await stepping).toBe(false);
    expect(await rows()).toBe(before + 1);
  });
});
