/**
 * Binance's WebSocket surfaces as a Binance client meets them: the real gateway process in front
 * of a real engine and worker. Market streams after real orders and trades (the documented
 * local-order-book procedure included), the user data stream by listenKey and by the WebSocket
 * API's signature subscription, and the cancel-on-disconnect switch.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSecretBoxKey, sealSecret } from "@exchange/db/secret-box";
import { newApiKeyId, newHmacSecret } from "@exchange/domains/api-keys/api-key-material";
import { hmacSignature } from "@exchange/domains/api-keys/request-signature";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import {
  type Actor,
  closeServices,
  createServices,
  type Services,
} from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { depositForTest } from "@exchange/domains/testing/test-funds";
import { UNLIMITED_ORDER_RATES } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import {
  createEngineSandbox,
  EngineProcess,
  GatewayProcess,
  WorkerProcess,
} from "@exchange/testkit";
import ccxt from "ccxt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { callTraderApi } from "../../testing/callers";
import { signedPayload } from "./ws-api-requests";

type Json = Record<string, unknown>;

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let gateway: GatewayProcess;
let sandbox: Awaited<ReturnType<typeof createEngineSandbox>>;
const TWO_FACTOR_KEY = randomBytes(32).toString("base64");
/** The tests poll REST depth: a budget they cannot exhaust. */
const GATEWAY_ENV = { TWO_FACTOR_KEY, GATEWAY_WEIGHT_PER_MINUTE: "1000000" };
/** Every trader made, so that each test leaves an empty book to the next. */
const traders: Array<{ api: ReturnType<typeof callTraderApi> }> = [];

/** A WebSocket client that keeps every frame it receives, parsed. */
class Client {
  readonly frames: Json[] = [];
  closed = false;
  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => this.frames.push(JSON.parse(data.toString()) as Json));
    ws.on("close", () => {
      this.closed = true;
    });
  }

  static async open(path: string, base = gateway.url): Promise<Client> {
    const ws = new WebSocket(`${base.replace("http", "ws")}${path}`);
    const client = new Client(ws);
    await new Promise((resolve, reject) => {
      ws.once("open", resolve);
      ws.once("error", reject);
    });
    return client;
  }

  send(body: unknown): void {
    this.ws.send(typeof body === "string" ? body : JSON.stringify(body));
  }

  /** The first frame (from `from` on) that `match` accepts, waiting for it. */
  async next(match: (frame: Json) => boolean, timeoutMs = 10_000, from = 0): Promise<Json> {
    return eventually(async () => {
      const frame = this.frames.slice(from).find(match);
      if (!frame)
        throw new Error(`no matching frame among ${JSON.stringify(this.frames.slice(-5))}`);
      return frame;
    }, timeoutMs);
  }

  close(): void {
    this.ws.close();
  }
}

async function fund(userId: number, asset: string, amountAtoms: bigint) {
  await depositForTest(services.engine, userId, asset, amountAtoms);
}

/** A funded trader with an HMAC API key. */
async function trader(tag: string) {
  const user = await createTestUser(services.db, { tag, kycLevel: 1 });
  await fund(user.id, "BTC", 10n * 10n ** 8n);
  await fund(user.id, "USDT", 1_000_000n * 10n ** 8n);
  const apiKey = newApiKeyId();
  const secret = newHmacSecret();
  await services.db.apiKey.create({
    data: {
      userId: user.id,
      label: tag,
      kind: "HMAC",
      apiKey,
      secretEncrypted: sealSecret(parseSecretBoxKey(TWO_FACTOR_KEY), secret),
      permissions: ["READ", "TRADE"],
      ipAllowList: [],
    },
  });
  const actor: Actor = { kind: "user", userId: user.id };
  const api = callTraderApi(services, actor);
  traders.push({ api });
  return { userId: user.id, apiKey, secret, api };
}
type Trader = Awaited<ReturnType<typeof trader>>;

function limit(t: Trader, side: "buy" | "sell", price: string, quantity: string) {
  return t.api.trading.placeOrder({ symbol: "BTCUSDT", side, type: "limit", price, quantity });
}

async function rest(method: string, path: string, apiKey?: string) {
  const response = await fetch(`${gateway.url}${path}`, {
    method,
    headers: apiKey ? { "x-mbx-apikey": apiKey } : {},
  });
  return { status: response.status, body: (await response.json()) as Json };
}

beforeAll(async () => {
  sandbox = await createEngineSandbox("binance-streams");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices({
    ...sandbox,
    documentStorageDir: mkdtempSync(join(tmpdir(), "exchange-binance-streams-")),
    orderRateLimits: UNLIMITED_ORDER_RATES,
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  gateway = await GatewayProcess.start(sandbox, GATEWAY_ENV);
});

afterEach(async () => {
  for (const { api } of traders.splice(0)) {
    for (const symbol of ["BTCUSDT", "ETHUSDT"]) await api.trading.cancelAll({ symbol });
  }
});

afterAll(async () => {
  await gateway?.stop();
  await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

type Book = Map<string, string>;

function applyLevels(book: Book, levels: unknown) {
  for (const [price, quantity] of levels as [string, string][]) {
    if (Number(quantity) === 0) book.delete(price);
    else book.set(price, quantity);
  }
}

describe("market streams", () => {
  it("lets Binance's local-order-book procedure keep a book equal to REST depth", async () => {
    const [maker, taker] = [await trader("book-maker"), await trader("book-taker")];
    for (let i = 0; i < 5; i++) {
      await limit(maker, "sell", String(50_100 + i * 10), "0.1");
      await limit(maker, "buy", String(49_900 - i * 10), "0.1");
    }
    // 1. Open the stream and buffer its events.
    const stream = await Client.open("/ws/btcusdt@depth@100ms");
    await limit(maker, "sell", "50200", "0.2");
    await stream.next((f) => f.e === "depthUpdate");
    // 2. Get a snapshot.
    const snapshot = (await rest("GET", "/api/v3/depth?symbol=BTCUSDT&limit=1000")).body;
    const lastUpdateId = snapshot.lastUpdateId as number;
    await limit(taker, "buy", "50110", "0.15");
    await limit(maker, "buy", "49950", "0.3");
    await stream.next((f) => (f.u as number) > lastUpdateId);
    // 3. Drop what the snapshot holds; the first one applied straddles it.
    const events = stream.frames.filter((f) => (f.u as number) > lastUpdateId);
    const first = events[0] as Json;
    expect(first.U as number).toBeLessThanOrEqual(lastUpdateId + 1);
    expect(first.u as number).toBeGreaterThanOrEqual(lastUpdateId + 1);
    const bids: Book = new Map(snapshot.bids as [string, string][]);
    const asks: Book = new Map(snapshot.asks as [string, string][]);
    let applied = lastUpdateId;
    const applyNew = () => {
      for (const event of stream.frames.filter((f) => (f.u as number) > applied)) {
        // Each event follows on from the one before: U is the previous u + 1.
        if (applied !== lastUpdateId) expect(event.U).toBe(applied + 1);
        applyLevels(bids, event.b);
        applyLevels(asks, event.a);
        applied = event.u as number;
      }
    };
    // 4. More trades, then the local book must equal a fresh snapshot at the same update id.
    await limit(taker, "sell", "49890", "0.25");
    await limit(taker, "buy", "50130", "0.1");
    await eventually(async () => {
      applyNew();
      const fresh = (await rest("GET", "/api/v3/depth?symbol=BTCUSDT&limit=1000")).body;
      expect(fresh.lastUpdateId).toBe(applied);
      expect([...bids].sort(([a], [b]) => Number(b) - Number(a))).toEqual(fresh.bids);
      expect([...asks].sort(([a], [b]) => Number(a) - Number(b))).toEqual(fresh.asks);
    });
    expect(applied).toBeGreaterThan(lastUpdateId + 2);
    stream.close();
  });

  it("sends trade, kline and ticker events after a real trade, combined with their stream names", async () => {
    const [maker, taker] = [await trader("trade-maker"), await trader("trade-taker")];
    const streams =
      "btcusdt@trade/btcusdt@aggTrade/btcusdt@kline_1m/btcusdt@ticker/btcusdt@bookTicker/btcusdt@depth5@100ms";
    const client = await Client.open(`/stream?streams=${streams}`);
    await limit(maker, "sell", "51000", "0.01");
    const isTop = (f: Json) =>
      f.stream === "btcusdt@bookTicker" && (f.data as Json).a === "51000.00000000";
    await client.next(isTop);
    const partial = await client.next(
      (f) => f.stream === "btcusdt@depth5@100ms" && ((f.data as Json).asks as unknown[]).length > 0,
    );
    expect(partial.data).toMatchObject({ bids: [], asks: [["51000.00000000", "0.01000000"]] });
    await limit(taker, "buy", "51000", "0.01");
    const trade = await client.next((f) => f.stream === "btcusdt@trade");
    expect(trade.data).toMatchObject({
      e: "trade",
      s: "BTCUSDT",
      p: "51000.00000000",
      q: "0.01000000",
      m: false,
      M: true,
    });
    expect(await client.next((f) => f.stream === "btcusdt@aggTrade")).toMatchObject({
      data: { e: "aggTrade", p: "51000.00000000" },
    });
    const kline = await client.next((f) => f.stream === "btcusdt@kline_1m");
    expect(kline.data).toMatchObject({
      e: "kline",
      s: "BTCUSDT",
      k: { i: "1m", c: "51000.00000000" },
    });
    expect((await client.next(isTop)).data).toMatchObject({ s: "BTCUSDT", A: "0.01000000" });
    // After the fill: an empty book, each stream in step with REST depth.
    const depth = (await rest("GET", "/api/v3/depth?symbol=BTCUSDT&limit=5")).body;
    await client.next((f) => (f.data as Json).lastUpdateId === depth.lastUpdateId);
    await client.next(
      (f) => (f.data as Json).u === depth.lastUpdateId && (f.data as Json).a === "0.00000000",
    );
    const ticker = await client.next((f) => f.stream === "btcusdt@ticker", 20_000);
    expect(ticker.data).toMatchObject({ e: "24hrTicker", s: "BTCUSDT" });
    client.close();
  });

  it("speaks the live subscribe protocol and closes a client that talks too much", async () => {
    const client = await Client.open("/ws");
    client.send({ method: "SUBSCRIBE", params: ["btcusdt@trade", "ethusdt@depth"], id: 1 });
    expect(await client.next((f) => f.id === 1)).toEqual({ result: null, id: 1 });
    client.send({ method: "LIST_SUBSCRIPTIONS", id: 2 });
    expect(await client.next((f) => f.id === 2)).toEqual({
      result: ["btcusdt@trade", "ethusdt@depth"],
      id: 2,
    });
    client.send("not json");
    expect(await client.next((f) => "error" in f)).toEqual({
      error: { code: 3, msg: "Invalid JSON" },
      id: null,
    });
    client.send({ method: "SUBSCRIBE", params: ["btcusdt@nothing"], id: 3 });
    expect(await client.next((f) => f.id === 3)).toMatchObject({ error: { code: 2 } });
    for (let i = 0; i < 6; i++) client.send({ method: "LIST_SUBSCRIPTIONS", id: 10 + i });
    await eventually(async () => expect(client.closed).toBe(true));
    // A name in the URL that is no stream is passed over: ccxt opens `/ws/0`, then subscribes.
    const ccxtLike = await Client.open("/ws/0");
    ccxtLike.send({ method: "SUBSCRIBE", params: ["btcusdt@depth@100ms"], id: 1 });
    expect(await ccxtLike.next((f) => f.id === 1)).toEqual({ result: null, id: 1 });
    ccxtLike.send({ method: "LIST_SUBSCRIPTIONS", id: 2 });
    expect(await ccxtLike.next((f) => f.id === 2)).toEqual({
      result: ["btcusdt@depth@100ms"],
      id: 2,
    });
    ccxtLike.close();
  });
});

describe("user data", () => {
  it("serves a listenKey's stream: executionReport, outboundAccountPosition; keepalive and close", async () => {
    const [owner, other] = [await trader("listen-owner"), await trader("listen-other")];
    const refused = await rest("POST", "/api/v3/userDataStream", "x".repeat(64));
    expect(refused).toMatchObject({ status: 401, body: { code: -2015 } });
    const created = await rest("POST", "/api/v3/userDataStream", owner.apiKey);
    const listenKey = created.body.listenKey as string;
    expect(listenKey).toMatch(/^[A-Za-z0-9]{60}$/);
    const again = await rest("POST", "/api/v3/userDataStream", owner.apiKey);
    expect(again.body.listenKey).toBe(listenKey);

    const client = await Client.open(`/ws/${listenKey}`);
    await limit(owner, "sell", "52000", "0.02");
    await limit(other, "buy", "52000", "0.02");
    const trade = await client.next((f) => f.e === "executionReport" && f.x === "TRADE");
    expect(trade).toMatchObject({
      s: "BTCUSDT",
      S: "SELL",
      o: "LIMIT",
      X: "FILLED",
      l: "0.02000000",
      z: "0.02000000",
      L: "52000.00000000",
      m: true,
      Z: "1040.00000000",
    });
    expect(client.frames.find((f) => f.x === "NEW")).toBeDefined();
    await client.next((f) => f.e === "outboundAccountPosition");

    expect(
      await rest("PUT", `/api/v3/userDataStream?listenKey=${listenKey}`, other.apiKey),
    ).toMatchObject({
      status: 400,
      body: { code: -1125 },
    });
    expect(
      await rest("PUT", `/api/v3/userDataStream?listenKey=${listenKey}`, owner.apiKey),
    ).toEqual({
      status: 200,
      body: {},
    });
    expect(
      await rest("DELETE", `/api/v3/userDataStream?listenKey=${listenKey}`, owner.apiKey),
    ).toEqual({
      status: 200,
      body: {},
    });
    expect(
      (await rest("PUT", `/api/v3/userDataStream?listenKey=${listenKey}`, owner.apiKey)).body,
    ).toMatchObject({
      code: -1125,
    });
    client.close();
  });

  it("serves the WebSocket API's signature subscription as ccxt's watchOrders uses it", async () => {
    const [owner, other] = [await trader("wsapi-owner"), await trader("wsapi-other")];
    const session = await Client.open("/ws-api/v3");
    const params: Json = { apiKey: owner.apiKey, timestamp: Date.now() };
    session.send({
      id: "1",
      method: "userDataStream.subscribe.signature",
      params: { ...params, signature: "0".repeat(64) },
    });
    expect(await session.next((f) => f.id === "1")).toMatchObject({
      status: 400,
      error: { code: -1022 },
    });
    session.send({
      id: "2",
      method: "userDataStream.subscribe.signature",
      params: { ...params, signature: hmacSignature(owner.secret, signedPayload(params)) },
    });
    expect(await session.next((f) => f.id === "2")).toEqual({
      id: "2",
      status: 200,
      result: { subscriptionId: 0 },
    });
    await limit(owner, "buy", "48000", "0.05");
    await limit(other, "sell", "48000", "0.05");
    const report = await session.next(
      (f) => (f.event as Json | undefined)?.x === "TRADE" && f.subscriptionId === 0,
    );
    expect(report.event).toMatchObject({ e: "executionReport", S: "BUY", X: "FILLED" });
    session.send({ id: 3, method: "nope" });
    expect(await session.next((f) => f.id === 3)).toMatchObject({ status: 400 });
    session.close();
  });
});

/** ccxt's binance class with every Binance host pointed at the gateway, nothing else changed. */
function ccxtBinance(t: Trader) {
  const exchange = new ccxt.pro.binance({
    apiKey: t.apiKey,
    secret: t.secret,
    // Currencies come from Binance's wallet routes (sapi), which are not ours to serve; the
    // markets of the other Binance products (options, futures) are not streams' business.
    options: { fetchCurrencies: false, fetchMargins: false, fetchMarkets: { types: ["spot"] } },
  });
  const http = gateway.url;
  const ws = http.replace("http", "ws");
  const point = (node: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(node)) {
      if (typeof value === "string")
        node[name] = value
          .replace("https://api.binance.com", http)
          .replace("wss://stream.binance.com:9443", ws)
          .replace("wss://ws-api.binance.com:443", ws);
      else if (value && typeof value === "object") point(value as Record<string, unknown>);
    }
  };
  point(exchange.urls.api as Record<string, unknown>);
  return exchange;
}

describe("ccxt's own WebSocket code", () => {
  it("watches the order book, trades and the user's orders", async () => {
    const [maker, taker] = [await trader("ccxt-maker"), await trader("ccxt-taker")];
    const exchange = ccxtBinance(maker);
    try {
      await exchange.loadMarkets();
      // ccxt refuses a plain ws:// URL until its HTTP agent is loaded (its own message says so).
      await exchange.loadHttpProxyAgent();
      await limit(maker, "sell", "53000", "0.01");
      await limit(maker, "buy", "47000", "0.02");
      const book = await eventually(async () => {
        const seen = await exchange.watchOrderBook("BTC/USDT");
        expect(seen.asks[0]).toEqual([53000, 0.01]);
        return seen;
      });
      expect(book.bids[0]).toEqual([47000, 0.02]);
      const trades = exchange.watchTrades("BTC/USDT");
      const orders = exchange.watchOrders("BTC/USDT");
      // Both subscriptions are confirmed before the trade they are to see.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await limit(taker, "buy", "53000", "0.01");
      expect((await trades)[0]).toMatchObject({ price: 53000, amount: 0.01, side: "buy" });
      expect((await orders)[0]).toMatchObject({
        symbol: "BTC/USDT",
        side: "sell",
        price: 53000,
        filled: 0.01,
        status: "closed",
      });
      await eventually(async () => {
        const seen = await exchange.watchOrderBook("BTC/USDT");
        expect(seen.asks).toEqual([]);
      });
    } finally {
      await exchange.close();
    }
  }, 30_000);
});

describe("cancel on disconnect", () => {
  async function armedSession(t: Trader, timeoutSeconds: number, base = gateway.url) {
    const session = await Client.open("/ws-api/v3", base);
    const params: Json = { apiKey: t.apiKey, timestamp: Date.now() };
    session.send({
      id: "logon",
      method: "session.logon",
      params: { ...params, signature: hmacSignature(t.secret, signedPayload(params)) },
    });
    expect(await session.next((f) => f.id === "logon")).toMatchObject({ status: 200 });
    session.send({ id: "bad", method: "cancelOnDisconnect.set", params: { timeoutSeconds: 4 } });
    expect(await session.next((f) => f.id === "bad")).toMatchObject({ error: { code: -1130 } });
    session.send({ id: "arm", method: "cancelOnDisconnect.set", params: { timeoutSeconds } });
    expect(await session.next((f) => f.id === "arm")).toMatchObject({ status: 200 });
    return session;
  }

  async function openOrderCount(t: Trader) {
    return (await t.api.trading.openOrders({})).items.length;
  }

  it("cancels every open order when the session closes", async () => {
    const t = await trader("cod-close");
    const session = await armedSession(t, 60);
    await limit(t, "buy", "40000", "0.01");
    await t.api.trading.placeOrder({
      symbol: "ETHUSDT",
      side: "buy",
      type: "limit",
      price: "1000",
      quantity: "0.1",
    });
    await eventually(async () => expect(await openOrderCount(t)).toBe(2));
    const metrics = async () => (await fetch(`${gateway.opsUrl}/metrics`)).text();
    expect(await metrics()).toMatch(
      /^exchange_gateway_ws_connections\{kind="api",app="gateway"\} [1-9]/m,
    );
    session.close();
    await eventually(async () => expect(await openOrderCount(t)).toBe(0));
    expect(await metrics()).toMatch(
      /^exchange_gateway_cancel_on_disconnect_fired_entries\{app="gateway"\} [1-9]/m,
    );
  });

  it("cancels when a live session stays silent past its timeout, and not while it renews", async () => {
    const t = await trader("cod-silent");
    const session = await armedSession(t, 5);
    await limit(t, "buy", "40000", "0.01");
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 2_000));
      session.send({ id: `renew${i}`, method: "cancelOnDisconnect.renew" });
    }
    expect(await openOrderCount(t)).toBe(1);
    await eventually(async () => expect(await openOrderCount(t)).toBe(0), 12_000);
    expect(session.closed).toBe(false);
    session.close();
  }, 30_000);

  it("is fired by another instance when the one holding the session goes away", async () => {
    const t = await trader("cod-instance");
    const second = await GatewayProcess.start(sandbox, GATEWAY_ENV);
    await armedSession(t, 5, second.url);
    await limit(t, "buy", "40000", "0.01");
    await eventually(async () => expect(await openOrderCount(t)).toBe(1));
    await second.kill();
    expect(await openOrderCount(t)).toBe(1);
    await eventually(async () => expect(await openOrderCount(t)).toBe(0), 12_000);
  }, 30_000);

  it("fires the switches of an instance that drains (SIGTERM) before it exits", async () => {
    const t = await trader("cod-drain");
    const second = await GatewayProcess.start(sandbox, GATEWAY_ENV);
    await armedSession(t, 600, second.url);
    await limit(t, "buy", "40000", "0.01");
    await eventually(async () => expect(await openOrderCount(t)).toBe(1));
    await second.stop();
    await eventually(async () => expect(await openOrderCount(t)).toBe(0), 3_000);
  }, 30_000);
});
