/**
 * ccxt works unchanged: its own `binance` class, only its URLs pointed at the real trading
 * gateway (in front of a real engine and worker), drives market data, the account, orders and
 * the WebSocket streams with ccxt's own HTTP and WebSocket code. A failure here is what a bot
 * author would hit.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createApiKey } from "@exchange/domains/api-keys/api-keys";
import { base32Decode, totpCode } from "@exchange/domains/identity/totp";
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
import { createTestUser, signInTestUser } from "@exchange/domains/testing/test-users";
import {
  createEngineSandbox,
  EngineProcess,
  GatewayProcess,
  pointCcxtBinanceAt,
  WorkerProcess,
} from "@exchange/testkit";
import ccxt, { type Exchange } from "ccxt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "../testing/callers";
import { ccxtQuickStart, curlQuickStart } from "./quick-start";

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let gateway: GatewayProcess;
/** Without a key: what a newcomer runs first. */
let publicClient: Exchange;
/** With the trader's HMAC key (read + trade). */
let client: InstanceType<typeof ccxt.pro.binance>;
/** Rests the book's orders. */
let maker: Actor;
/** The trader's key, as the web shows it once. */
let traderKey: { apiKey: string; secret: string };
/** Takes from the book (a trader never trades with itself). */
let taker: Actor;
const SYMBOL = "BTC/USDT";

async function fund(userId: number, asset: string, amountAtoms: bigint) {
  await depositForTest(services.engine, userId, asset, amountAtoms);
}

/** A trader with two-factor on and an HMAC key made through the api-keys domain, as the web does. */
async function traderWithKey(): Promise<{ userId: number; apiKey: string; secret: string }> {
  const user = await createTestUser(services.db, { tag: "ccxt", kycLevel: 1 });
  const api = callTraderApi(services, await signInTestUser(services, user.id));
  const totpKey = base32Decode((await api.security.beginTwoFactor()).secret);
  await api.security.confirmTwoFactor({ code: totpCode(totpKey, Date.now()) });
  // The confirming code's step is spent; the key's creation needs a fresh one.
  await services.db.user.update({ where: { id: user.id }, data: { totpLastStep: null } });
  const created = await createApiKey(services, user.id, {
    label: "ccxt bot",
    kind: "HMAC",
    trade: true,
    withdraw: false,
    ipAllowList: [],
    expiresInDays: null,
    code: totpCode(totpKey, Date.now()),
    ip: "198.51.100.20",
    userAgent: "ccxt integration test",
  });
  if (!created.secret) throw new Error("an HMAC key comes with its secret");
  return { userId: user.id, apiKey: created.key.apiKey, secret: created.secret };
}

/** ccxt types an order's id as optional; every order the gateway answers has one. */
function idOf(order: { id?: string | undefined }): string {
  if (!order.id) throw new Error("the gateway answered an order without its id");
  return order.id;
}

function place(
  actor: Actor,
  input: Parameters<ReturnType<typeof callTraderApi>["trading"]["placeOrder"]>[0],
) {
  return callTraderApi(services, actor).trading.placeOrder(input);
}

/**
 * The signed client's markets: loaded with its key by the test above; should that fail, lent
 * from the public client, so each later test fails only for its own call.
 */
async function marketsLoaded(): Promise<void> {
  if (client.markets) return;
  client.setMarkets(await publicClient.loadMarkets());
}

beforeAll(async () => {
  const twoFactorKey = randomBytes(32).toString("base64");
  const sandbox = await createEngineSandbox("ccxt");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices({
    ...sandbox,
    documentStorageDir: mkdtempSync(join(tmpdir(), "exchange-ccxt-documents-")),
    orderRateLimits: UNLIMITED_ORDER_RATES,
    twoFactorKey,
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  gateway = await GatewayProcess.start(sandbox, { TWO_FACTOR_KEY: twoFactorKey });
  const makerUser = await createTestUser(services.db, { tag: "ccxt-maker", kycLevel: 1 });
  const takerUser = await createTestUser(services.db, { tag: "ccxt-taker", kycLevel: 1 });
  maker = { kind: "user", userId: makerUser.id };
  taker = { kind: "user", userId: takerUser.id };
  await fund(makerUser.id, "BTC", 5n * 10n ** 8n);
  await fund(makerUser.id, "USDT", 500_000n * 10n ** 8n);
  await fund(takerUser.id, "USDT", 500_000n * 10n ** 8n);
  // A book and one trade for the public calls: asks 50 000 / 50 100, a bid 49 900.
  await place(maker, {
    symbol: "BTCUSDT",
    side: "sell",
    type: "limit",
    price: "50000",
    quantity: "0.5",
  });
  await place(maker, {
    symbol: "BTCUSDT",
    side: "sell",
    type: "limit",
    price: "50100",
    quantity: "0.3",
  });
  await place(maker, {
    symbol: "BTCUSDT",
    side: "buy",
    type: "limit",
    price: "49900",
    quantity: "0.1",
  });
  await place(taker, { symbol: "BTCUSDT", side: "buy", type: "market", quantity: "0.2" });

  const trader = await traderWithKey();
  traderKey = trader;
  await fund(trader.userId, "BTC", 1n * 10n ** 8n);
  await fund(trader.userId, "USDT", 100_000n * 10n ** 8n);
  publicClient = new ccxt.binance();
  pointCcxtBinanceAt(publicClient, gateway.url);
  client = new ccxt.pro.binance({ apiKey: trader.apiKey, secret: trader.secret });
  pointCcxtBinanceAt(client, gateway.url);
});

afterAll(async () => {
  await client?.close();
  await gateway?.stop();
  await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("ccxt's binance class, public market data", () => {
  it("loads the markets with their precision and limits", async () => {
    const markets = await publicClient.loadMarkets();
    expect(Object.keys(markets).sort()).toEqual(["BTC/USDT", "ETH/USDT"]);
    expect(markets[SYMBOL]).toMatchObject({
      id: "BTCUSDT",
      base: "BTC",
      quote: "USDT",
      spot: true,
      active: true,
      precision: { price: 0.01, amount: 0.00001 },
      limits: { amount: { min: 0.00001, max: 1000 }, cost: { min: 5 } },
    });
  });

  it("fetches the ticker, the book, the trades and the candles", async () => {
    const ticker = await eventually(async () => {
      const answer = await publicClient.fetchTicker(SYMBOL);
      expect(answer.last).toBe(50_000);
      return answer;
    });
    expect(ticker).toMatchObject({ symbol: SYMBOL, bid: 49_900, ask: 50_000 });
    expect(ticker.baseVolume).toBeCloseTo(0.2, 8);

    const book = await publicClient.fetchOrderBook(SYMBOL);
    expect(book.bids).toEqual([[49_900, 0.1]]);
    expect(book.asks).toEqual([
      [50_000, 0.3],
      [50_100, 0.3],
    ]);
    expect(book.nonce).toBeGreaterThan(0);

    const trades = await publicClient.fetchTrades(SYMBOL);
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({ symbol: SYMBOL, price: 50_000, amount: 0.2, side: "buy" });
    expect(trades[0]?.cost).toBeCloseTo(10_000, 6);

    const candles = await publicClient.fetchOHLCV(SYMBOL, "1m");
    expect(candles.length).toBeGreaterThanOrEqual(1);
    const last = candles.at(-1) ?? [];
    expect(last.slice(1)).toEqual([50_000, 50_000, 50_000, 50_000, 0.2]);
  });
});

describe("ccxt's binance class, a signed trader", () => {
  it("loads the markets with a key (currencies and margin pairs too)", async () => {
    const markets = await client.loadMarkets();
    expect(Object.keys(markets).sort()).toEqual(["BTC/USDT", "ETH/USDT"]);
    expect(client.currencies.BTC).toMatchObject({ code: "BTC", active: true });
  });

  it("reads the balance", async () => {
    await marketsLoaded();
    const balance = await client.fetchBalance();
    expect(balance.BTC).toMatchObject({ free: 1, used: 0, total: 1 });
    expect(balance.USDT).toMatchObject({ free: 100_000, used: 0, total: 100_000 });
  });

  it("places, reads, lists and cancels a limit order", async () => {
    await marketsLoaded();
    const order = await client.createOrder(SYMBOL, "limit", "buy", 0.01, 49_000);
    expect(order).toMatchObject({ symbol: SYMBOL, type: "limit", side: "buy", status: "open" });
    expect(order.price).toBe(49_000);
    expect(order.amount).toBe(0.01);
    // Orders are read from the read model, which the worker writes a moment after the reply.
    const fetched = await eventually(() => client.fetchOrder(idOf(order), SYMBOL));
    expect(fetched).toMatchObject({ id: order.id, status: "open", filled: 0, remaining: 0.01 });
    const open = await client.fetchOpenOrders(SYMBOL);
    expect(open.map((o) => o.id)).toContain(order.id);
    await eventually(async () => {
      const balance = await client.fetchBalance();
      expect(balance.USDT?.used).toBeCloseTo(490, 6);
    });
    const cancelled = await client.cancelOrder(idOf(order), SYMBOL);
    expect(cancelled).toMatchObject({ id: order.id, status: "canceled" });
    await eventually(async () => {
      expect((await client.fetchOpenOrders(SYMBOL)).map((o) => o.id)).not.toContain(order.id);
    });
  });

  it("buys at market and lists its own trade", async () => {
    await marketsLoaded();
    const order = await client.createOrder(SYMBOL, "market", "buy", 0.05);
    expect(order).toMatchObject({ symbol: SYMBOL, type: "market", side: "buy", status: "closed" });
    expect(order.filled).toBe(0.05);
    expect(order.average).toBe(50_000);
    const trades = await eventually(async () => {
      const mine = await client.fetchMyTrades(SYMBOL);
      expect(mine.length).toBeGreaterThan(0);
      return mine;
    });
    expect(trades).toContainEqual(
      expect.objectContaining({ order: order.id, price: 50_000, amount: 0.05, side: "buy" }),
    );
    const balance = await client.fetchBalance();
    expect(balance.BTC?.total).toBeGreaterThan(1);
  });

  it("places a stop-limit that waits for its trigger", async () => {
    await marketsLoaded();
    const order = await client.createOrder(SYMBOL, "limit", "sell", 0.01, 45_000, {
      stopPrice: 46_000,
    });
    expect(order).toMatchObject({ symbol: SYMBOL, side: "sell", status: "open" });
    expect(order.triggerPrice).toBe(46_000);
    const fetched = await eventually(() => client.fetchOrder(idOf(order), SYMBOL));
    // ccxt's unified type of a stop-limit is "limit" with its trigger price; Binance's is in info.
    expect(fetched).toMatchObject({
      type: "limit",
      triggerPrice: 46_000,
      filled: 0,
      status: "open",
    });
    expect(fetched.info).toMatchObject({ type: "STOP_LOSS_LIMIT", stopPrice: "46000.00000000" });
    await client.cancelOrder(idOf(order), SYMBOL);
  });
});

describe("ccxt's binance class, WebSocket streams", () => {
  it("watches the book and trades of a market as they change", async () => {
    await marketsLoaded();
    const [bestAsk, askQuantity] = (await publicClient.fetchOrderBook(SYMBOL)).asks[0] ?? [];
    const first = await client.watchOrderBook(SYMBOL);
    expect(first.asks[0]).toEqual([bestAsk, askQuantity]);
    const tradesWatched = client.watchTrades(SYMBOL);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await place(taker, { symbol: "BTCUSDT", side: "buy", type: "market", quantity: "0.01" });
    const trades = await tradesWatched;
    expect(trades.at(-1)).toMatchObject({ symbol: SYMBOL, price: bestAsk, amount: 0.01 });
    // The diff stream moves ccxt's own book: the best ask is 0.01 smaller.
    await eventually(async () => {
      const book = await client.watchOrderBook(SYMBOL);
      expect(book.asks[0]?.[0]).toBe(bestAsk);
      expect(book.asks[0]?.[1]).toBeCloseTo((askQuantity ?? 0) - 0.01, 8);
    });
  });

  it("watches the trader's own orders", async () => {
    await marketsLoaded();
    const ordersWatched = client.watchOrders(SYMBOL);
    // The subscription is answered before the order is sent, so its report is not missed.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const order = await client.createOrder(SYMBOL, "limit", "buy", 0.01, 48_000);
    const orders = await ordersWatched;
    expect(orders.at(-1)).toMatchObject({ id: order.id, status: "open", price: 48_000 });
    await client.cancelOrder(idOf(order), SYMBOL);
  });
});

/** A quick start with the trader's key pasted in, as a newcomer does. */
function pasted(snippet: string): string {
  return snippet.replace("YOUR_API_KEY", traderKey.apiKey).replace("YOUR_SECRET", traderKey.secret);
}

describe("the quick starts the reference page and the README show, run as pasted", () => {
  it("runs the ccxt one with Node", async () => {
    // Beside the package, so its `import "ccxt"` finds the installed ccxt.
    const dir = mkdtempSync(join(import.meta.dirname, ".quick-start-"));
    try {
      const file = join(dir, "quick-start.mjs");
      writeFileSync(file, pasted(ccxtQuickStart(gateway.url)));
      const { stdout } = await promisify(execFile)(process.execPath, [file], { timeout: 60_000 });
      expect(stdout).toContain("symbol: 'BTC/USDT'");
      expect(stdout).toMatch(/status: 'canceled'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("places an order with curl and an openssl signature", async () => {
    const { stdout } = await promisify(execFile)(
      "bash",
      ["-c", pasted(curlQuickStart(gateway.url))],
      {
        timeout: 30_000,
      },
    );
    const answer = JSON.parse(stdout) as Record<string, unknown>;
    expect(answer).toMatchObject({
      symbol: "BTCUSDT",
      side: "BUY",
      type: "LIMIT",
      price: "30000.00000000",
    });
    expect(answer.orderId).toEqual(expect.any(Number));
  });
});

describe("npm run ccxt:demo", () => {
  it("walks every call against the gateway and exits 0", async () => {
    const root = join(import.meta.dirname, "../../../..");
    const args = ["--import", "tsx", "scripts/ccxt-demo.ts", "--url", gateway.url];
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...args, "--key", traderKey.apiKey, "--secret", traderKey.secret],
      { cwd: root, timeout: 120_000 },
    ).catch((error: { stdout?: string; stderr?: string; message?: string }) => {
      throw new Error(
        `the demo failed: ${error.message}\n${error.stdout ?? ""}\n${error.stderr ?? ""}`,
      );
    });
    expect(stdout).toContain("Every call answered.");
    expect(stdout).toContain("▸ watchOrders");
  }, 150_000);
});
