/**
 * The Binance-compatible REST API as a Binance client sees it: the real gateway process in
 * front of a real engine and worker, after two traders have placed orders and traded.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { marketDataKeys } from "@exchange/contracts/market-data-keys";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import {
  type Actor,
  closeServices,
  createServices,
  type Services,
} from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { depositForTest } from "@exchange/domains/testing/test-funds";
import { UNLIMITED_ORDER_RATES, uniqueTestIp } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import {
  createEngineSandbox,
  EngineProcess,
  GatewayProcess,
  WorkerProcess,
} from "@exchange/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "../testing/callers";
import { publicBinanceRoutes } from "./routes";

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let gateway: GatewayProcess;
let redisPrefix: string;
let currentSandbox: Awaited<ReturnType<typeof createEngineSandbox>>;
const WEIGHT_PER_MINUTE = 300;

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Each route's answer schema by path: every successful answer below is held to its route's. */
const ANSWERS = new Map(
  publicBinanceRoutes({ weightPerMinute: WEIGHT_PER_MINUTE }).map((r) => [r.path, r.answer]),
);

/** A GET from `ip` (the gateway trusts one proxy hop, so each test can be its own client). */
async function get(path: string, ip = uniqueTestIp()): Promise<Answer> {
  const response = await fetch(`${gateway.url}${path}`, { headers: { "x-forwarded-for": ip } });
  const body: unknown = JSON.parse(await response.text());
  const schema = ANSWERS.get(path.split("?")[0] ?? "");
  if (response.status === 200 && schema) schema.parse(body);
  return { status: response.status, headers: response.headers, body };
}

async function fund(actor: Actor, asset: string, amountAtoms: bigint) {
  await depositForTest(
    services.engine,
    actor.kind === "user" ? actor.userId : 0,
    asset,
    amountAtoms,
  );
}

async function trader(tag: string): Promise<Actor> {
  const user = await createTestUser(services.db, { tag, kycLevel: 1 });
  return { kind: "user", userId: user.id };
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("binance");
  currentSandbox = sandbox;
  redisPrefix = sandbox.redisPrefix;
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices({
    ...sandbox,
    documentStorageDir: mkdtempSync(join(tmpdir(), "exchange-binance-documents-")),
    orderRateLimits: UNLIMITED_ORDER_RATES,
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  gateway = await GatewayProcess.start(sandbox, {
    TRUSTED_PROXY_HOPS: "1",
    GATEWAY_WEIGHT_PER_MINUTE: String(WEIGHT_PER_MINUTE),
    GATEWAY_STRIKES_BEFORE_BAN: "2",
  });
  const [alice, bob] = [await trader("alice"), await trader("bob")];
  await fund(alice, "BTC", 2n * 10n ** 8n);
  await fund(bob, "USDT", 200_000n * 10n ** 8n);
  const order = (
    actor: Actor,
    input: Parameters<ReturnType<typeof callTraderApi>["trading"]["placeOrder"]>[0],
  ) => callTraderApi(services, actor).trading.placeOrder(input);
  await order(alice, {
    symbol: "BTCUSDT",
    side: "sell",
    type: "limit",
    price: "50000",
    quantity: "0.5",
  });
  await order(alice, {
    symbol: "BTCUSDT",
    side: "sell",
    type: "limit",
    price: "50100",
    quantity: "0.3",
  });
  await order(bob, {
    symbol: "BTCUSDT",
    side: "buy",
    type: "limit",
    price: "49900",
    quantity: "0.1",
  });
  await order(bob, { symbol: "BTCUSDT", side: "buy", type: "market", quantity: "0.2" });
});

afterAll(async () => {
  await gateway?.stop();
  await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("public market data", () => {
  it("answers ping and time", async () => {
    expect(await get("/api/v3/ping")).toMatchObject({ status: 200, body: {} });
    const before = Date.now();
    const { body } = await get("/api/v3/time");
    expect((body as { serverTime: number }).serverTime).toBeGreaterThanOrEqual(before - 1_000);
  });

  it("lists the markets with Binance's filters, all or by symbol", async () => {
    const all = await get("/api/v3/exchangeInfo");
    expect(all.status).toBe(200);
    const info = all.body as { symbols: Array<Record<string, unknown>>; rateLimits: unknown[] };
    expect(info.symbols.map((s) => s.symbol)).toEqual(["BTCUSDT", "ETHUSDT"]);
    expect(info.rateLimits).toContainEqual(
      expect.objectContaining({ rateLimitType: "REQUEST_WEIGHT", limit: WEIGHT_PER_MINUTE }),
    );
    expect(info.symbols[0]).toMatchObject({
      status: "TRADING",
      baseAsset: "BTC",
      quoteAsset: "USDT",
      baseAssetPrecision: 8,
      filters: expect.arrayContaining([
        {
          filterType: "PRICE_FILTER",
          minPrice: "0.01000000",
          maxPrice: "10000000.00000000",
          tickSize: "0.01000000",
        },
        {
          filterType: "LOT_SIZE",
          minQty: "0.00001000",
          maxQty: "1000.00000000",
          stepSize: "0.00001000",
        },
        expect.objectContaining({ filterType: "MIN_NOTIONAL", minNotional: "5.00000000" }),
      ]),
    });
    // Binance's futures markets: none here (ccxt's binance class asks for them while loading).
    for (const path of ["/fapi/v1/exchangeInfo", "/dapi/v1/exchangeInfo"]) {
      expect(await get(path)).toMatchObject({ status: 200, body: { symbols: [] } });
    }
    const one = await get("/api/v3/exchangeInfo?symbol=ETHUSDT");
    expect((one.body as typeof info).symbols.map((s) => s.symbol)).toEqual(["ETHUSDT"]);
    const list = await get(
      `/api/v3/exchangeInfo?symbols=${encodeURIComponent('["ETHUSDT","BTCUSDT"]')}`,
    );
    expect((list.body as typeof info).symbols.map((s) => s.symbol)).toEqual(["ETHUSDT", "BTCUSDT"]);
  });

  it("serves the book at the market-data snapshot's sequence", async () => {
    const depth = await eventually(async () => {
      const answer = await get("/api/v3/depth?symbol=BTCUSDT");
      expect(answer.body).toMatchObject({
        bids: [["49900.00000000", "0.10000000"]],
        asks: [
          ["50000.00000000", "0.30000000"],
          ["50100.00000000", "0.30000000"],
        ],
      });
      return answer;
    });
    const seq = await services.redis.hget(marketDataKeys(redisPrefix).depth("BTCUSDT"), "seq");
    expect((depth.body as { lastUpdateId: number }).lastUpdateId).toBe(Number(seq));
    expect(Number(seq)).toBeGreaterThan(0);
    expect(depth.headers.get("x-mbx-used-weight-1m")).toBe("5");
    const top = await get("/api/v3/depth?symbol=BTCUSDT&limit=1");
    expect(top.body).toMatchObject({
      bids: [["49900.00000000", "0.10000000"]],
      asks: [["50000.00000000", "0.30000000"]],
    });
  });

  it("lists recent trades, tickers and candles", async () => {
    const trades = await eventually(async () => {
      const answer = await get("/api/v3/trades?symbol=BTCUSDT");
      expect(answer.body).toHaveLength(1);
      return answer.body as Array<Record<string, unknown>>;
    });
    expect(trades[0]).toMatchObject({
      price: "50000.00000000",
      qty: "0.20000000",
      quoteQty: "10000.00000000",
      isBuyerMaker: false,
    });
    const aggregate = {
      a: trades[0]?.id,
      p: "50000.00000000",
      q: "0.20000000",
      f: trades[0]?.id,
      l: trades[0]?.id,
      T: trades[0]?.time,
      m: false,
      M: true,
    };
    expect((await get("/api/v3/aggTrades?symbol=BTCUSDT")).body).toEqual([aggregate]);
    await eventually(async () => {
      const fromId = await get(`/api/v3/aggTrades?symbol=BTCUSDT&fromId=${trades[0]?.id}`);
      expect(fromId.body).toEqual([aggregate]);
    });
    const time = Number(trades[0]?.time);
    const window = await get(
      `/api/v3/aggTrades?symbol=BTCUSDT&startTime=${time - 1_000}&endTime=${time}`,
    );
    expect(window.body).toEqual([aggregate]);
    const later = await get(`/api/v3/aggTrades?symbol=BTCUSDT&fromId=${Number(trades[0]?.id) + 1}`);
    expect(later.body).toEqual([]);
    await eventually(async () => {
      const ticker = await get("/api/v3/ticker/24hr?symbol=BTCUSDT");
      expect(ticker.body).toMatchObject({
        symbol: "BTCUSDT",
        lastPrice: "50000.00000000",
        lastQty: "0.20000000",
        volume: "0.20000000",
        quoteVolume: "10000.00000000",
        weightedAvgPrice: "50000.00000000",
        bidPrice: "49900.00000000",
        askPrice: "50000.00000000",
        askQty: "0.30000000",
        count: 1,
        lastId: trades[0]?.id,
      });
    });
    const all = await get("/api/v3/ticker/24hr");
    expect((all.body as unknown[]).length).toBe(2);
    expect(all.headers.get("x-mbx-used-weight-1m")).toBe("80");
    expect((await get("/api/v3/ticker/price?symbol=BTCUSDT")).body).toEqual({
      symbol: "BTCUSDT",
      price: "50000.00000000",
    });
    expect((await get("/api/v3/ticker/bookTicker")).body).toEqual([
      {
        symbol: "BTCUSDT",
        bidPrice: "49900.00000000",
        bidQty: "0.10000000",
        askPrice: "50000.00000000",
        askQty: "0.30000000",
      },
      {
        symbol: "ETHUSDT",
        bidPrice: "0.00000000",
        bidQty: "0.00000000",
        askPrice: "0.00000000",
        askQty: "0.00000000",
      },
    ]);
    await eventually(async () => {
      const klines = (await get("/api/v3/klines?symbol=BTCUSDT&interval=1m")).body as unknown[][];
      expect(klines).toHaveLength(1);
      expect(klines[0]?.slice(1, 6)).toEqual([
        "50000.00000000",
        "50000.00000000",
        "50000.00000000",
        "50000.00000000",
        "0.20000000",
      ]);
      expect(klines[0]?.[8]).toBe(1);
    });
    const candles = (await get("/api/v3/klines?symbol=BTCUSDT&interval=1m")).body as number[][];
    const openTime = Number(candles[0]?.[0]);
    const after = await get(`/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=${openTime + 1}`);
    expect(after.body).toEqual([]);
    const upTo = await get(`/api/v3/klines?symbol=BTCUSDT&interval=1m&endTime=${openTime}`);
    expect(upTo.body).toEqual(candles);
    const before = await get(`/api/v3/klines?symbol=BTCUSDT&interval=1m&endTime=${openTime - 1}`);
    expect(before.body).toEqual([]);
  });
});

describe("bad requests", () => {
  it("answers Binance's codes, statuses and messages", async () => {
    const cases: Array<[string, number, number, string?]> = [
      ["/api/v3/depth?symbol=NOPEUSDT", 400, -1121, "Invalid symbol."],
      [
        "/api/v3/depth",
        400,
        -1102,
        "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
      ],
      ["/api/v3/depth?symbol=btcusdt", 400, -1100],
      ["/api/v3/depth?symbol=BTCUSDT&symbol=ETHUSDT", 400, -1101],
      ["/api/v3/depth?symbol=BTCUSDT&limit=ten", 400, -1100],
      ["/api/v3/klines?symbol=BTCUSDT&interval=3m", 400, -1120, "Invalid interval."],
      ["/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=2&endTime=1", 400, -1023],
      ["/api/v3/ticker/price?symbol=BTCUSDT&symbols=%5B%22BTCUSDT%22%5D", 400, -1101],
      ["/api/v3/ticker/price?symbols=%5B%22BTCUSDT%22%2C%22NOPE%22%5D", 400, -1121],
      ["/api/v3/aggTrades?symbol=BTCUSDT&fromId=2147483648", 400, -1130],
      ["/api/v3/aggTrades?symbol=BTCUSDT&startTime=0&endTime=3600001", 400, -1130],
      ["/api/v3/nothing-here", 404, -1099],
      // A signed route asked without a key: "API-key format invalid."
      ["/api/v3/order", 401, -2014],
    ];
    for (const [path, status, code, msg] of cases) {
      const answer = await get(path);
      expect({ path, status: answer.status, code: (answer.body as { code: number }).code }).toEqual(
        { path, status, code },
      );
      if (msg) expect((answer.body as { msg: string }).msg).toBe(msg);
    }
  });
});

describe("any query", () => {
  it("gets a Binance answer: JSON, a 2XX or a 4XX with a code, never a server error", async () => {
    const paths = [
      "depth",
      "trades",
      "aggTrades",
      "klines",
      "ticker/24hr",
      "ticker/price",
      "ticker/bookTicker",
      "exchangeInfo",
    ];
    const name = fc.constantFrom(
      "symbol",
      "symbols",
      "limit",
      "interval",
      "startTime",
      "endTime",
      "x",
    );
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom(
        "BTCUSDT",
        "1m",
        "0",
        "5001",
        "-1",
        '["BTCUSDT"]',
        '["BTCUSDT",1]',
        "%",
        "\u0000",
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.array(fc.tuple(name, value), { maxLength: 4 }),
        async (path, pairs) => {
          const query = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
          const answer = await get(`/api/v3/${path}?${query}`);
          expect(answer.status).toBeLessThan(500);
          if (answer.status >= 400) {
            expect(answer.body).toEqual({ code: expect.any(Number), msg: expect.any(String) });
            expect((answer.body as { code: number }).code).toBeLessThan(0);
          }
        },
      ),
      { numRuns: 150 },
    );
    for (const raw of [
      "depth?symbol=%ZZ",
      "depth?%",
      "depth?symbol=%E0%A4%A",
      "depth?symbol[]=BTCUSDT",
      "klines?=&&=1",
    ]) {
      const answer = await get(`/api/v3/${raw}`);
      expect({ raw, status: answer.status }).toEqual({ raw, status: 400 });
    }
  });
});

describe("request weight", () => {
  it("refuses past the budget with 429 and bans an address that keeps going with 418", async () => {
    // Well inside one clock minute, so the budget does not start again mid-test.
    const msIntoMinute = Date.now() % 60_000;
    if (msIntoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_500 - msIntoMinute));
    const ip = uniqueTestIp();
    const allowed = WEIGHT_PER_MINUTE / 20;
    for (let i = 1; i <= allowed; i++) {
      const answer = await get("/api/v3/exchangeInfo", ip);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-mbx-used-weight-1m")).toBe(String(20 * i));
    }
    for (let strike = 1; strike <= 2; strike++) {
      const refused = await get("/api/v3/ping", ip);
      expect(refused.status).toBe(429);
      expect((refused.body as { code: number }).code).toBe(-1003);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    const banned = await get("/api/v3/ping", ip);
    expect(banned.status).toBe(418);
    expect(banned.body).toMatchObject({
      code: -1003,
      msg: expect.stringContaining("IP banned until"),
    });
    expect(Number(banned.headers.get("retry-after"))).toBeGreaterThanOrEqual(60);
    // Every other address is served as before.
    expect((await get("/api/v3/ping")).status).toBe(200);
  });

  it("keeps health and metrics outside the budget", async () => {
    const health = await fetch(`${gateway.url}/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get("x-mbx-used-weight-1m")).toBeNull();
    // The metrics answer on the operations port only, never to the API's public.
    expect((await fetch(`${gateway.url}/metrics`)).status).toBe(404);
    const metrics = await (await fetch(`${gateway.opsUrl}/metrics`)).text();
    expect(metrics).toContain(
      'exchange_gateway_requests_total{route="/api/v3/depth",status="200",app="gateway"}',
    );
    expect(metrics).toContain(
      'exchange_gateway_rate_limit_refusals_total{verdict="banned",app="gateway"} 1',
    );
  });
});

describe("the process", () => {
  it("stops on SIGTERM: logs it has closed its stores, and its port no longer answers", async () => {
    const second = await GatewayProcess.start(currentSandbox);
    const answer = await fetch(`${second.url}/api/v3/depth?symbol=BTCUSDT&limit=5`);
    expect(answer.status).toBe(200);
    await second.stop();
    expect(second.log).toContain('"msg":"gateway stopped"');
    await expect(fetch(`${second.url}/api/v3/ping`)).rejects.toThrow();
  });
});
