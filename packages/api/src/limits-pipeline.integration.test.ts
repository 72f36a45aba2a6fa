import { once } from "node:events";
import { MAX_UNITS } from "@exchange/core";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { createTestUser } from "@exchange/domains/testing/test-users";
import {
  createEngineSandbox,
  EngineProcess,
  StreamProcess,
  WorkerProcess,
} from "@exchange/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

/**
 * The largest value each limit allows, through the whole pipeline: a market whose every maximum
 * is the core's hard ceiling (MAX_UNITS = 10^30, packages/core limits.ts), in assets of
 * precision 0 so that a decimal is its integer units. The orders go in through tRPC, the engine
 * journals them, the worker projects them into the read models and publishes market data, the
 * gateway relays it, and every figure comes back exactly through tRPC and the WebSocket.
 */

const STREAM_SECRET = "limits-pipeline-stream-secret";
const SYMBOL = "CEILBCEILQ";
/** 10^30 written out, as every decimal of it must read back. */
const MAX = MAX_UNITS.toString();
const MAX_LESS_FEE = (MAX_UNITS - MAX_UNITS / 1_000n).toString();

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let gateway: StreamProcess;
let seller: Actor;
let buyer: Actor;
let bulkSeller: Actor;
let bulkBuyer: Actor;

const api = (actor?: Actor) => callTraderApi(services, actor);
const userIdOf = (actor: Actor) => (actor.kind === "user" ? actor.userId : 0);

async function fund(actor: Actor, asset: string, amountAtoms: bigint) {
  const reply = await services.engine.send({
    type: "balance.deposit",
    id: `ceiling-deposit:${userIdOf(actor)}:${asset}`,
    ts: Date.now(),
    business: "test-deposit",
    businessId: `${userIdOf(actor)}:${asset}`,
    userId: userIdOf(actor),
    asset,
    amountAtoms,
  });
  expect(reply.outcome.ok).toBe(true);
}

/** Assets and a market whose every maximum is the ceiling; maker fee 0.1 %, taker fee none. */
async function addCeilingMarket(): Promise<void> {
  for (const code of ["CEILB", "CEILQ"]) {
    await services.db.asset.create({
      data: { code, name: code, precision: 0, maxAmount: MAX },
    });
  }
  await services.db.market.create({
    data: {
      symbol: SYMBOL,
      baseAsset: "CEILB",
      quoteAsset: "CEILQ",
      priceTick: "1",
      lotSize: "1",
      minQty: "1",
      maxQty: MAX,
      maxPrice: MAX,
      minNotional: "0",
      maxNotional: MAX,
      maxOpenOrders: 200,
      makerFeeRate: "0.001",
      takerFeeRate: "0",
    },
  });
}

/** A WebSocket client that keeps every frame, to look for the ones a test expects. */
class Subscriber {
  readonly frames: { event?: string; data?: Record<string, unknown> }[] = [];
  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data) => this.frames.push(JSON.parse(String(data))));
  }

  static async open(url: string, channels: string[], token?: string): Promise<Subscriber> {
    const socket = new WebSocket(url);
    await once(socket, "open");
    const client = new Subscriber(socket);
    if (token) socket.send(JSON.stringify({ op: "auth", token }));
    for (const channel of channels) socket.send(JSON.stringify({ op: "subscribe", channel }));
    await eventually(async () => {
      expect(client.frames.filter((f) => "result" in f)).toHaveLength(
        channels.length + (token ? 1 : 0),
      );
    });
    return client;
  }

  data(channel: string): Record<string, unknown>[] {
    return this.frames.filter((f) => f.event === channel).map((f) => f.data ?? {});
  }

  close(): void {
    this.socket.close();
  }
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("ceiling");
  services = await createServices({ ...sandbox, streamTokenSecret: STREAM_SECRET });
  await addCeilingMarket();
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  gateway = await StreamProcess.start({ ...sandbox, streamTokenSecret: STREAM_SECRET });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const trader = async (tag: string): Promise<Actor> => {
    const user = await createTestUser(services.db, { tag, kycLevel: 1 });
    return { kind: "user", userId: user.id };
  };
  seller = await trader("ceil-seller");
  buyer = await trader("ceil-buyer");
  bulkSeller = await trader("ceil-bulk-seller");
  bulkBuyer = await trader("ceil-bulk-buyer");
  await fund(seller, "CEILB", MAX_UNITS);
  await fund(buyer, "CEILQ", MAX_UNITS);
  await fund(bulkSeller, "CEILB", MAX_UNITS);
  await fund(bulkBuyer, "CEILQ", MAX_UNITS);
}, 120_000);

afterAll(async () => {
  await closeServices(services);
  await gateway?.stop();
  await worker?.stop();
  await engine?.kill();
});

describe("the largest value each limit allows", () => {
  it("crosses engine, journal, projector, read models, tRPC and WebSocket and reads back exactly", async () => {
    const { token } = await api(bulkBuyer).trading.streamToken();
    const ws = await Subscriber.open(
      gateway.url,
      [`${SYMBOL}@trades`, `${SYMBOL}@depth`, `${SYMBOL}@kline_1d`, "@balance"],
      token,
    );

    // The maximum price, at the maximum notional: one lot at 10^30.
    const ask = await api(seller).trading.placeOrder({
      symbol: SYMBOL,
      side: "sell",
      type: "limit",
      price: MAX,
      quantity: "1",
    });
    expect(ask.order).toMatchObject({ status: "OPEN", price: MAX, quantity: "1" });
    await eventually(async () => {
      const open = await api(seller).trading.openOrders({ limit: 10 });
      expect(open.items).toMatchObject([{ orderId: ask.order.orderId, price: MAX }]);
      const depth = await api().marketData.depth({ symbol: SYMBOL });
      expect(depth.asks).toEqual([[MAX, "1"]]);
    });

    // A market buy of the maximum notional by amount to spend, with no protection above the
    // maximum price.
    const take = await api(buyer).trading.placeOrder({
      symbol: SYMBOL,
      side: "buy",
      type: "market",
      quoteAmount: MAX,
    });
    expect(take.order).toMatchObject({ filledQuantity: "1", filledQuote: MAX });

    // The maximum quantity, at the maximum notional: 10^30 lots at 1.
    await api(bulkSeller).trading.placeOrder({
      symbol: SYMBOL,
      side: "sell",
      type: "limit",
      price: "1",
      quantity: MAX,
    });
    // Market data publishes one depth diff per batch of engine events: were the resting sell and
    // the buy that takes it in one batch, no push would ever show the level. Let it rest first.
    await eventually(async () => {
      const depth = await api().marketData.depth({ symbol: SYMBOL });
      expect(depth.asks).toEqual([["1", MAX]]);
    });
    const bulk = await api(bulkBuyer).trading.placeOrder({
      symbol: SYMBOL,
      side: "buy",
      type: "limit",
      price: "1",
      quantity: MAX,
    });
    expect(bulk.order).toMatchObject({ status: "FILLED", filledQuantity: MAX, filledQuote: MAX });

    // Read models, through tRPC.
    await eventually(async () => {
      const trades = await api().marketData.trades({ symbol: SYMBOL });
      expect(trades.map((t) => [t.price, t.quantity])).toEqual([
        ["1", MAX],
        [MAX, "1"],
      ]);
    });
    await eventually(async () => {
      const [candle] = await api().marketData.klines({ symbol: SYMBOL, interval: "1d" });
      expect(candle).toMatchObject({
        high: MAX,
        low: "1",
        volume: (MAX_UNITS + 1n).toString(),
        quoteVolume: (2n * MAX_UNITS).toString(),
        trades: 2,
      });
    });
    await eventually(async () => {
      const history = await api(bulkBuyer).trading.orderHistory({ limit: 10 });
      expect(history.items[0]).toMatchObject({ quantity: MAX, filledQuote: MAX, price: "1" });
      const fills = await api(seller).trading.tradeHistory({ limit: 10 });
      expect(fills.items[0]).toMatchObject({ price: MAX, quoteAmount: MAX });
      expect(await balance(seller, "CEILQ")).toEqual({ available: MAX_LESS_FEE, frozen: "0" });
      expect(await balance(bulkBuyer, "CEILB")).toEqual({ available: MAX, frozen: "0" });
      expect(await balance(bulkSeller, "CEILQ")).toEqual({ available: MAX_LESS_FEE, frozen: "0" });
    });

    // The WebSocket, as published by the worker and relayed by the gateway.
    await eventually(async () => {
      expect(ws.data(`${SYMBOL}@trades`).map((t) => [t.price, t.quantity])).toEqual([
        [MAX, "1"],
        ["1", MAX],
      ]);
      const asks = ws.data(`${SYMBOL}@depth`).flatMap((d) => (d.asks ?? []) as string[][]);
      expect(asks).toContainEqual([MAX, "1"]);
      expect(asks).toContainEqual(["1", MAX]);
      expect(ws.data(`${SYMBOL}@kline_1d`).at(-1)).toMatchObject({
        volume: (MAX_UNITS + 1n).toString(),
        quoteVolume: (2n * MAX_UNITS).toString(),
      });
      expect(ws.data("@balance")).toContainEqual({
        asset: "CEILB",
        available: MAX,
        frozen: "0",
        total: MAX,
      });
    });
    ws.close();
  }, 60_000);

  it("stops there: one atom more is refused at every limit", async () => {
    const over = (MAX_UNITS + 1n).toString();
    for (const order of [
      { side: "sell", type: "limit", price: over, quantity: "1" },
      { side: "sell", type: "limit", price: "1", quantity: over },
      { side: "buy", type: "limit", price: "2", quantity: MAX },
    ] as const) {
      await expect(
        api(bulkSeller).trading.placeOrder({ symbol: SYMBOL, ...order }),
      ).rejects.toThrow(/above the maximum/);
    }
    const deposit = await services.engine.send({
      type: "balance.deposit",
      id: "ceiling-deposit:over",
      ts: Date.now(),
      business: "test-deposit",
      businessId: "over",
      userId: userIdOf(bulkBuyer),
      asset: "CEILB",
      amountAtoms: 1n,
    });
    expect(deposit.outcome).toMatchObject({ ok: false, code: 605 });
  });
});

async function balance(actor: Actor, asset: string) {
  const balances = await api(actor).trading.balances();
  const found = balances.find((b) => b.asset === asset);
  return found && { available: found.available, frozen: found.frozen };
}
