/**
 * The signed Binance routes as a bot sees them: the real gateway process in front of a real
 * engine and worker, keys made through the api-keys domain (HMAC and Ed25519), requests signed
 * by a client that shares no code with the server.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { base32Decode, totpCode } from "@exchange/domains/identity/totp";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices, type Services } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { depositForTest } from "@exchange/domains/testing/test-funds";
import { UNLIMITED_ORDER_RATES, uniqueTestIp } from "@exchange/domains/testing/test-services";
import { createTestUser, signInTestUser } from "@exchange/domains/testing/test-users";
import {
  createEngineSandbox,
  EngineProcess,
  GatewayProcess,
  WorkerProcess,
} from "@exchange/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BinanceAnswer, type BinanceCredentials, signedCall } from "../testing/binance-client";
import { callTraderApi } from "../testing/callers";
import { signedBinanceRoutes } from "./routes";

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let gateway: GatewayProcess;
/** Orders one trader may place per second through the gateway (the -1015 test's limit). */
const PLACE_PER_SECOND = 15;

const ANSWERS = new Map(signedBinanceRoutes().map((r) => [`${r.method} ${r.path}`, r.answer]));

interface Trader {
  userId: number;
  key: BinanceCredentials;
  ip: string;
}

/** A signed call from a trader; a 200 answer is held to its route's schema. */
async function call(
  trader: Trader,
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  params: Record<string, string | number> = {},
  options: Parameters<typeof signedCall>[5] = {},
): Promise<BinanceAnswer> {
  const answer = await signedCall(gateway.url, trader.key, method, path, params, {
    ip: trader.ip,
    ...options,
  });
  const schema = ANSWERS.get(`${method} ${path}`);
  if (answer.status === 200 && schema) schema.parse(answer.body);
  return answer;
}

async function fund(userId: number, asset: string, amountAtoms: bigint) {
  await depositForTest(services.engine, userId, asset, amountAtoms);
}

interface KeyOptions {
  kind?: "HMAC" | "ED25519";
  trade?: boolean;
  ipAllowList?: string[];
}

/** A KYC'd user with two-factor on and one API key made through the trader API. */
async function trader(tag: string, options: KeyOptions = {}): Promise<Trader> {
  const user = await createTestUser(services.db, { tag, kycLevel: 1 });
  const api = callTraderApi(services, await signInTestUser(services, user.id));
  const totp = base32Decode((await api.security.beginTwoFactor()).secret);
  await api.security.confirmTwoFactor({ code: totpCode(totp, Date.now()) });
  await services.db.user.update({ where: { id: user.id }, data: { totpLastStep: null } });
  const common = {
    label: tag,
    trade: options.trade ?? true,
    withdraw: false,
    ipAllowList: options.ipAllowList ?? [],
    expiresInDays: null,
    code: totpCode(totp, Date.now()),
  };
  const ip = uniqueTestIp();
  if (options.kind === "ED25519") {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const pem = publicKey.export({ format: "pem", type: "spki" }).toString();
    const created = await api.apiKeys.create({ ...common, kind: "ED25519", publicKey: pem });
    return {
      userId: user.id,
      ip,
      key: { kind: "ED25519", apiKey: created.key.apiKey, privateKey },
    };
  }
  const created = await api.apiKeys.create({ ...common, kind: "HMAC" });
  return {
    userId: user.id,
    ip,
    key: { kind: "HMAC", apiKey: created.key.apiKey, secret: created.secret ?? "" },
  };
}

function expectError(answer: BinanceAnswer, status: number, code: number, msg?: string) {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ code, ...(msg === undefined ? {} : { msg }) });
}

let alice: Trader;
let bob: Trader;

beforeAll(async () => {
  const sandbox = await createEngineSandbox("binance-signed");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices({
    ...sandbox,
    documentStorageDir: mkdtempSync(join(tmpdir(), "exchange-binance-signed-")),
    orderRateLimits: UNLIMITED_ORDER_RATES,
    ...(process.env.TWO_FACTOR_KEY ? { twoFactorKey: process.env.TWO_FACTOR_KEY } : {}),
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  gateway = await GatewayProcess.start(sandbox, {
    TRUSTED_PROXY_HOPS: "1",
    ORDER_RATE_PLACE_PER_SECOND: String(PLACE_PER_SECOND),
  });
  alice = await trader("signed-alice");
  bob = await trader("signed-bob", { kind: "ED25519" });
  await fund(alice.userId, "BTC", 2n * 10n ** 8n);
  await fund(bob.userId, "USDT", 200_000n * 10n ** 8n);
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("placing, querying and cancelling orders", () => {
  it("places a limit order (FULL by default), finds it by both ids, fills it, lists the trades", async () => {
    const placed = await call(alice, "POST", "/api/v3/order", {
      symbol: "BTCUSDT",
      side: "SELL",
      type: "LIMIT",
      timeInForce: "GTC",
      price: "50000",
      quantity: "0.5",
      newClientOrderId: "alice-1",
    });
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({
      symbol: "BTCUSDT",
      orderListId: -1,
      clientOrderId: "alice-1",
      price: "50000.00000000",
      origQty: "0.50000000",
      executedQty: "0.00000000",
      status: "NEW",
      timeInForce: "GTC",
      type: "LIMIT",
      side: "SELL",
      fills: [],
    });
    const { orderId } = placed.body as { orderId: number };
    const byId = await eventually(async () => {
      const answer = await call(alice, "GET", "/api/v3/order", { symbol: "BTCUSDT", orderId });
      expect(answer.status).toBe(200);
      return answer;
    });
    expect(byId.body).toMatchObject({ orderId, status: "NEW", isWorking: true });
    const byClientId = await call(alice, "GET", "/api/v3/order", {
      symbol: "BTCUSDT",
      origClientOrderId: "alice-1",
    });
    expect(byClientId.body).toMatchObject({ orderId });

    // Bob (Ed25519) buys at market by quote amount: a FULL answer with its fill.
    const bought = await call(bob, "POST", "/api/v3/order", {
      symbol: "BTCUSDT",
      side: "BUY",
      type: "MARKET",
      quoteOrderQty: "5000",
    });
    expect(bought.status).toBe(200);
    expect(bought.body).toMatchObject({
      type: "MARKET",
      status: "FILLED",
      price: "0.00000000",
      executedQty: "0.10000000",
      cummulativeQuoteQty: "5000.00000000",
      origQuoteOrderQty: "5000.00000000",
      fills: [{ price: "50000.00000000", qty: "0.10000000", commissionAsset: "BTC" }],
    });
    const trades = await eventually(async () => {
      const answer = await call(alice, "GET", "/api/v3/myTrades", { symbol: "BTCUSDT" });
      expect(answer.body).toHaveLength(1);
      return answer.body as Array<Record<string, unknown>>;
    });
    expect(trades[0]).toMatchObject({
      orderId,
      price: "50000.00000000",
      qty: "0.10000000",
      quoteQty: "5000.00000000",
      isBuyer: false,
      isMaker: true,
    });
    await eventually(async () => {
      const open = await call(alice, "GET", "/api/v3/openOrders", { symbol: "BTCUSDT" });
      expect(open.body).toMatchObject([{ orderId, status: "PARTIALLY_FILLED" }]);
    });

    const cancelled = await call(alice, "DELETE", "/api/v3/order", { symbol: "BTCUSDT", orderId });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      orderId,
      origClientOrderId: "alice-1",
      status: "CANCELED",
      executedQty: "0.10000000",
    });
    expectError(
      await call(alice, "DELETE", "/api/v3/order", { symbol: "BTCUSDT", orderId }),
      400,
      -2011,
      "Unknown order sent.",
    );
    const all = await eventually(async () => {
      const answer = await call(alice, "GET", "/api/v3/allOrders", { symbol: "BTCUSDT" });
      expect(answer.body).toMatchObject([{ orderId, status: "CANCELED" }]);
      return answer;
    });
    expect(all.status).toBe(200);
  });

  it("answers ACK for a LIMIT_MAKER by default and RESULT when asked, and cancels all", async () => {
    const maker = await call(alice, "POST", "/api/v3/order", {
      symbol: "BTCUSDT",
      side: "SELL",
      type: "LIMIT_MAKER",
      price: "60000",
      quantity: "0.01",
    });
    expect(maker.status).toBe(200);
    expect(Object.keys(maker.body as object).sort()).toEqual(
      ["clientOrderId", "orderId", "orderListId", "symbol", "transactTime"].sort(),
    );
    expect((maker.body as { clientOrderId: string }).clientOrderId).toMatch(/^[A-Za-z0-9]{22}$/);
    const result = await call(alice, "POST", "/api/v3/order", {
      symbol: "BTCUSDT",
      side: "SELL",
      type: "LIMIT",
      timeInForce: "GTC",
      price: "61000",
      quantity: "0.01",
      newOrderRespType: "RESULT",
    });
    expect(result.body).toMatchObject({ status: "NEW", type: "LIMIT" });
    expect(result.body).not.toHaveProperty("fills");
    await eventually(async () => {
      const open = await call(alice, "GET", "/api/v3/openOrders", { symbol: "BTCUSDT" });
      expect(open.body).toHaveLength(2);
    });
    const cancelled = await call(alice, "DELETE", "/api/v3/openOrders", { symbol: "BTCUSDT" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toHaveLength(2);
    await eventually(async () => {
      const open = await call(alice, "GET", "/api/v3/openOrders", {});
      expect(open.body).toEqual([]);
    });
  });

  it("tests an order without placing it", async () => {
    const params = {
      symbol: "BTCUSDT",
      side: "SELL",
      type: "LIMIT",
      timeInForce: "GTC",
      price: "70000",
      quantity: "0.01",
      newClientOrderId: "only-a-test",
    };
    const tested = await call(alice, "POST", "/api/v3/order/test", params);
    expect(tested).toMatchObject({ status: 200, body: {} });
    expectError(
      await call(alice, "POST", "/api/v3/order/test", { ...params, quantity: "0.000001" }),
      400,
      -1013,
      "Filter failure: LOT_SIZE",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expectError(
      await call(alice, "GET", "/api/v3/order", {
        symbol: "BTCUSDT",
        origClientOrderId: "only-a-test",
      }),
      400,
      -2013,
      "Order does not exist.",
    );
  });

  it("places a stop-limit order and an OCO list, cancel-replaces and amends an order", async () => {
    const stop = await call(alice, "POST", "/api/v3/order", {
      symbol: "BTCUSDT",
      side: "SELL",
      type: "STOP_LOSS_LIMIT",
      timeInForce: "GTC",
      stopPrice: "45000",
      price: "44900",
      quantity: "0.01",
      newOrderRespType: "RESULT",
    });
    expect(stop.status).toBe(200);
    expect(stop.body).toMatchObject({
      type: "STOP_LOSS_LIMIT",
      stopPrice: "45000.00000000",
      workingTime: -1,
    });
    const stopId = (stop.body as { orderId: number }).orderId;
    await eventually(async () => {
      const answer = await call(alice, "GET", "/api/v3/order", {
        symbol: "BTCUSDT",
        orderId: stopId,
      });
      expect(answer.body).toMatchObject({
        type: "STOP_LOSS_LIMIT",
        status: "NEW",
        isWorking: false,
        workingTime: -1,
        stopPrice: "45000.00000000",
      });
    });
    const oco = await call(alice, "POST", "/api/v3/orderList/oco", {
      symbol: "BTCUSDT",
      side: "SELL",
      quantity: "0.01",
      aboveType: "LIMIT_MAKER",
      abovePrice: "55000",
      belowType: "STOP_LOSS_LIMIT",
      belowStopPrice: "45000",
      belowPrice: "44900",
      belowTimeInForce: "GTC",
    });
    expect(oco.status).toBe(200);
    const list = oco.body as {
      orderListId: number;
      orderReports: Array<{ type: string; orderListId: number }>;
    };
    expect(list.orderReports.map((o) => o.type)).toEqual(["STOP_LOSS_LIMIT", "LIMIT_MAKER"]);
    expect(list.orderReports.every((o) => o.orderListId === list.orderListId)).toBe(true);
    expectError(
      await call(alice, "POST", "/api/v3/orderList/oco", {
        symbol: "BTCUSDT",
        side: "SELL",
        quantity: "0.01",
        aboveType: "TAKE_PROFIT_LIMIT",
        abovePrice: "55000",
        belowType: "STOP_LOSS_LIMIT",
        belowStopPrice: "45000",
        belowPrice: "44900",
        belowTimeInForce: "GTC",
      }),
      400,
      -1014,
    );

    const limit = await call(alice, "POST", "/api/v3/order", {
      symbol: "BTCUSDT",
      side: "SELL",
      type: "LIMIT",
      timeInForce: "GTC",
      price: "70000",
      quantity: "0.05",
      newClientOrderId: "to-replace",
    });
    expect(limit.status).toBe(200);
    const replaced = await call(alice, "POST", "/api/v3/order/cancelReplace", {
      symbol: "BTCUSDT",
      side: "SELL",
      type: "LIMIT",
      timeInForce: "GTC",
      price: "71000",
      quantity: "0.05",
      cancelReplaceMode: "STOP_ON_FAILURE",
      cancelOrigClientOrderId: "to-replace",
      newClientOrderId: "replacement",
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      cancelResult: "SUCCESS",
      newOrderResult: "SUCCESS",
      cancelResponse: { status: "CANCELED", origClientOrderId: "to-replace" },
      newOrderResponse: { status: "NEW", price: "71000.00000000", clientOrderId: "replacement" },
    });
    const failed = await call(alice, "POST", "/api/v3/order/cancelReplace", {
      symbol: "BTCUSDT",
      side: "SELL",
      type: "LIMIT",
      timeInForce: "GTC",
      price: "72000",
      quantity: "0.05",
      cancelReplaceMode: "STOP_ON_FAILURE",
      cancelOrigClientOrderId: "to-replace",
    });
    expectError(failed, 400, -2022, "Order cancel-replace failed.");
    expect(failed.body).toMatchObject({
      data: { cancelResult: "FAILURE", newOrderResult: "NOT_ATTEMPTED" },
    });

    const { orderId } = (replaced.body as { newOrderResponse: { orderId: number } })
      .newOrderResponse;
    await eventually(async () => {
      const answer = await call(alice, "GET", "/api/v3/order", { symbol: "BTCUSDT", orderId });
      expect(answer.status).toBe(200);
    });
    const amended = await call(alice, "PUT", "/api/v3/order/amend/keepPriority", {
      symbol: "BTCUSDT",
      orderId,
      newQty: "0.02",
    });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ amendedOrder: { orderId, qty: "0.02000000" } });
    expectError(
      await call(alice, "PUT", "/api/v3/order/amend/keepPriority", {
        symbol: "BTCUSDT",
        orderId,
        newQty: "0.5",
      }),
      400,
      -1130,
    );
    expect((await call(alice, "DELETE", "/api/v3/openOrders", { symbol: "BTCUSDT" })).status).toBe(
      200,
    );
  });

  it("shows the account's balances, and only the non-zero ones when asked", async () => {
    const account = await call(bob, "GET", "/api/v3/account");
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ canTrade: true, canWithdraw: false, accountType: "SPOT" });
    const balances = (account.body as { balances: Array<{ asset: string }> }).balances;
    expect(balances.length).toBeGreaterThan(2);
    const nonZero = await call(bob, "GET", "/api/v3/account", { omitZeroBalances: "true" });
    const kept = (nonZero.body as { balances: Array<{ asset: string; free: string }> }).balances;
    expect(kept.map((b) => b.asset).sort()).toEqual(["BTC", "USDT"]);
    expect(kept.find((b) => b.asset === "USDT")?.free).toBe("195000.00000000");
  });

  it("answers ccxt's load-time reads: coins with their networks, and no margin pairs", async () => {
    const coins = await call(bob, "GET", "/sapi/v1/capital/config/getall");
    expect(coins.status).toBe(200);
    const usdt = (coins.body as Array<Record<string, unknown>>).find((c) => c.coin === "USDT");
    expect(usdt).toMatchObject({ free: "195000.00000000", trading: true });
    expect(await call(bob, "GET", "/sapi/v1/margin/allPairs")).toMatchObject({
      status: 200,
      body: [],
    });
  });
});

describe("bad input: Binance's code, message and status, nothing applied", () => {
  const order = {
    symbol: "BTCUSDT",
    side: "SELL",
    type: "LIMIT",
    timeInForce: "GTC",
    price: "80000",
    quantity: "0.01",
  };

  it("refuses a wrong signature, a tampered request, a missing key and a bad key format", async () => {
    expectError(
      await call(alice, "POST", "/api/v3/order", order, { signature: "0".repeat(64) }),
      400,
      -1022,
      "Signature for this request is not valid.",
    );
    const tampered = await call(alice, "POST", "/api/v3/order", order, {
      tamper: ({ query, body }) => ({ query, body: body.replace("price=80000", "price=1") }),
    });
    expectError(tampered, 400, -1022);
    const unknownKey = { ...alice, key: { ...alice.key, apiKey: "A".repeat(64) } };
    expectError(
      await call(unknownKey, "GET", "/api/v3/account"),
      401,
      -2015,
      "Invalid API-key, IP, or permissions for action.",
    );
    const badFormat = { ...alice, key: { ...alice.key, apiKey: "short" } };
    expectError(await call(badFormat, "GET", "/api/v3/account"), 401, -2014);
    expectError(await call(alice, "GET", "/api/v3/account", {}, { noTimestamp: true }), 400, -1102);
  });

  it("refuses a timestamp outside recvWindow, so a replay after the window fails", async () => {
    const old = Date.now() - 6_000;
    expectError(
      await call(alice, "GET", "/api/v3/account", {}, { timestampMs: old }),
      400,
      -1021,
      "Timestamp for this request is outside of the recvWindow.",
    );
    expect(
      (await call(alice, "GET", "/api/v3/account", { recvWindow: 10_000 }, { timestampMs: old }))
        .status,
    ).toBe(200);
    expectError(
      await call(alice, "GET", "/api/v3/account", {}, { timestampMs: Date.now() + 5_000 }),
      400,
      -1021,
    );
    expectError(await call(alice, "GET", "/api/v3/account", { recvWindow: 70_000 }), 400, -1131);
  });

  it("refuses a read-only key's order and a key used from an address not allowed", async () => {
    const reader = await trader("signed-reader", { trade: false });
    await fund(reader.userId, "BTC", 10n ** 8n);
    expectError(await call(reader, "POST", "/api/v3/order", order), 401, -2015);
    expect((await call(reader, "GET", "/api/v3/account")).status).toBe(200);
    const pinned = await trader("signed-pinned", { ipAllowList: ["203.0.113.7"] });
    expectError(await call(pinned, "GET", "/api/v3/account"), 401, -2015);
    expect((await call({ ...pinned, ip: "203.0.113.7" }, "GET", "/api/v3/account")).status).toBe(
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const open = await call(reader, "GET", "/api/v3/allOrders", { symbol: "BTCUSDT" });
    expect(open.body).toEqual([]);
  });

  it("refuses an unknown symbol, a quantity off the lot, a price off the tick, too little balance", async () => {
    expectError(
      await call(alice, "POST", "/api/v3/order", { ...order, symbol: "NOPEUSDT" }),
      400,
      -1121,
      "Invalid symbol.",
    );
    expectError(
      await call(alice, "POST", "/api/v3/order", { ...order, quantity: "0.000001" }),
      400,
      -1013,
      "Filter failure: LOT_SIZE",
    );
    expectError(
      await call(alice, "POST", "/api/v3/order", { ...order, price: "80000.001" }),
      400,
      -1013,
      "Filter failure: PRICE_FILTER",
    );
    expectError(
      await call(alice, "POST", "/api/v3/order", { ...order, quantity: "100" }),
      400,
      -2010,
      "Account has insufficient balance for requested action.",
    );
    expectError(
      await call(alice, "POST", "/api/v3/order", { ...order, type: "TRAILING" }),
      400,
      -1116,
    );
    expectError(
      await call(alice, "GET", "/api/v3/order", { symbol: "BTCUSDT", orderId: 987_654 }),
      400,
      -2013,
    );
  });

  it("answers -1015 past the trader's order rate, before the engine", async () => {
    const busy = await trader("signed-busy");
    await fund(busy.userId, "BTC", 10n ** 8n);
    const answers = await Promise.all(
      Array.from({ length: PLACE_PER_SECOND + 10 }, () =>
        call(busy, "POST", "/api/v3/order", { ...order, newOrderRespType: "ACK" }),
      ),
    );
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.body).toMatchObject({ code: -1015 });
    const placed = answers.filter((a) => a.status === 200).length;
    expect(placed).toBeLessThanOrEqual(PLACE_PER_SECOND);
  });

  it("answers any garbage signed request with a Binance error, never a 5XX, never an order", async () => {
    const victim = await trader("signed-fuzz");
    await fund(victim.userId, "BTC", 10n ** 8n);
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("BUY", "SELL", "LIMIT", "MARKET", "GTC", "0", "-1", "1e5", "0.00000001"),
    );
    const name = fc.constantFrom(
      "symbol",
      "side",
      "type",
      "timeInForce",
      "price",
      "quantity",
      "quoteOrderQty",
      "stopPrice",
      "newOrderRespType",
      "recvWindow",
      "newClientOrderId",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(name, value, { maxKeys: 6 }),
        fc.boolean(),
        async (params, signWrong) => {
          const answer = await call(victim, "POST", "/api/v3/order", params, {
            ...(signWrong ? { signature: "f".repeat(64) } : {}),
          });
          expect(answer.status).toBeGreaterThanOrEqual(400);
          expect(answer.status).toBeLessThan(500);
          expect((answer.body as { code: number }).code).toBeLessThan(0);
        },
      ),
      { numRuns: 60 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const orders = await call(victim, "GET", "/api/v3/allOrders", { symbol: "BTCUSDT" });
    expect(orders.body).toEqual([]);
  });
});
