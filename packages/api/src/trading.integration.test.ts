import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RejectCode } from "@exchange/core";
import { AppError } from "@exchange/domains/errors";
import { submitKyc } from "@exchange/domains/kyc/kyc-submissions";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { KYC_FIXTURE_FIELDS, kycFixtureFiles } from "@exchange/domains/testing/kyc-fixtures";
import { depositForTest } from "@exchange/domains/testing/test-funds";
import { staffActor, UNLIMITED_ORDER_RATES } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { flushOrderAudit } from "@exchange/domains/trading/order-audit";
import { busKeys, verifyStreamToken } from "@exchange/protocol";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi, callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

const STREAM_SECRET = "trading-test-stream-secret";
let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let alice: Actor;
let bob: Actor;
let carol: Actor;

const api = (actor: Actor) => callTraderApi(services, actor);
const userIdOf = (actor: Actor) => (actor.kind === "user" ? actor.userId : 0);

async function fund(actor: Actor, asset: string, amountAtoms: bigint) {
  await depositForTest(services.engine, userIdOf(actor), asset, amountAtoms);
}

/** A trader as trading requires: email and identity verified (KYC level 1), unless told otherwise. */
async function newTrader(tag: string, kycLevel = 1): Promise<Actor> {
  const user = await createTestUser(services.db, { tag, kycLevel });
  return { kind: "user", userId: user.id };
}

interface Refusal {
  code: string;
  rejectCode: number | undefined;
  fields: Record<string, string[]>;
  message: string;
}

/** The rejection a call ends in: its app code, reject code and field errors. */
async function refusal(call: Promise<unknown>): Promise<Refusal> {
  const error = await call.then(
    () => expect.fail("the call was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause;
  return cause instanceof AppError
    ? {
        code: cause.code,
        rejectCode: cause.rejectCode,
        fields: cause.fieldErrors ?? {},
        message: cause.message,
      }
    : {
        code: (error as TRPCError).code,
        rejectCode: undefined,
        fields: {},
        message: (error as TRPCError).message,
      };
}

/** The id of the last entry ever added to a stream (trimming does not change it). */
function lastGeneratedId(info: unknown): string {
  const fields = info as unknown[];
  return String(fields[fields.indexOf("last-generated-id") + 1]);
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("trading");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices({
    ...sandbox,
    streamTokenSecret: STREAM_SECRET,
    documentStorageDir: mkdtempSync(join(tmpdir(), "exchange-trading-documents-")),
    orderRateLimits: UNLIMITED_ORDER_RATES,
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  [alice, bob, carol] = await Promise.all([
    newTrader("alice"),
    newTrader("bob"),
    newTrader("carol"),
  ]);
  await fund(alice, "BTC", 2n * 10n ** 8n); // 2 BTC
  await fund(bob, "USDT", 200_000n * 10n ** 8n); // 200 000 USDT
});

afterAll(async () => {
  await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("a trade between two users", () => {
  it("rests a limit sell, fills a market buy against it, and shows both sides their fill", async () => {
    const sell = await api(alice).trading.placeOrder({
      symbol: "BTCUSDT",
      side: "sell",
      type: "limit",
      price: "50000.00",
      quantity: "0.5",
      clientOrderId: "alice-1",
    });
    expect(sell.order).toMatchObject({
      status: "OPEN",
      price: "50000",
      quantity: "0.5",
      filledQuantity: "0",
    });

    await eventually(async () => {
      const open = await api(alice).trading.openOrders({ limit: 10 });
      expect(open.items.map((o) => o.orderId)).toEqual([sell.order.orderId]);
    });

    const buy = await api(bob).trading.placeOrder({
      symbol: "BTCUSDT",
      side: "buy",
      type: "market",
      quantity: "0.2",
    });
    expect(buy.order).toMatchObject({
      status: "FILLED",
      filledQuantity: "0.2",
      filledQuote: "10000",
      averagePrice: "50000",
    });
    // Taker fee 0.1 % of what bob receives: 0.0002 BTC.
    expect(buy.fills).toEqual([
      {
        tradeId: expect.any(Number),
        price: "50000",
        quantity: "0.2",
        fee: "0.0002",
        feeAsset: "BTC",
      },
    ]);

    await eventually(async () => {
      const [bobTrades, aliceTrades] = await Promise.all([
        api(bob).trading.tradeHistory({ limit: 10 }),
        api(alice).trading.tradeHistory({ limit: 10 }),
      ]);
      expect(bobTrades.items).toMatchObject([
        { side: "buy", liquidity: "taker", quantity: "0.2", fee: "0.0002", feeAsset: "BTC" },
      ]);
      // Maker fee 0.1 % of what alice receives: 10 USDT.
      expect(aliceTrades.items).toMatchObject([
        { side: "sell", liquidity: "maker", quoteAmount: "10000", fee: "10", feeAsset: "USDT" },
      ]);
    });

    await eventually(async () => {
      const balances = Object.fromEntries(
        (await api(alice).trading.balances()).map((b) => [b.asset, b]),
      );
      expect(balances.BTC).toEqual({ asset: "BTC", available: "1.5", frozen: "0.3", total: "1.8" });
      expect(balances.USDT).toMatchObject({ available: "9990", frozen: "0" });
      const bobBalances = Object.fromEntries(
        (await api(bob).trading.balances()).map((b) => [b.asset, b]),
      );
      expect(bobBalances.BTC).toMatchObject({ available: "0.1998" });
    });
  });

  it("retries with the same client order id return the first order, not a second one", async () => {
    const input = {
      symbol: "BTCUSDT",
      side: "sell",
      type: "limit",
      price: "60000",
      quantity: "0.01",
      clientOrderId: "alice-retry",
    } as const;
    const first = await api(alice).trading.placeOrder(input);
    const again = await api(alice).trading.placeOrder(input);
    expect(again.order.orderId).toBe(first.order.orderId);
    await eventually(async () => {
      const open = await api(alice).trading.openOrders({ symbol: "BTCUSDT", limit: 50 });
      expect(open.items.filter((o) => o.clientOrderId === "alice-retry")).toHaveLength(1);
    });
  });

  it("cancels an order for its owner only", async () => {
    const order = await api(alice).trading.placeOrder({
      symbol: "BTCUSDT",
      side: "sell",
      type: "limit",
      price: "70000",
      quantity: "0.01",
    });
    const stolen = await refusal(
      api(bob).trading.cancelOrder({ symbol: "BTCUSDT", orderId: order.order.orderId }),
    );
    expect(stolen).toMatchObject({ code: "ORDER_REJECTED", rejectCode: RejectCode.OrderNotFound });
    const cancelled = await api(alice).trading.cancelOrder({
      symbol: "BTCUSDT",
      orderId: order.order.orderId,
    });
    expect(cancelled).toEqual({
      orderId: order.order.orderId,
      filledQuantity: "0",
      cancelledQuantity: "0.01",
    });
    await eventually(async () => {
      const history = await api(alice).trading.orderHistory({ limit: 10 });
      expect(history.items.find((o) => o.orderId === order.order.orderId)).toMatchObject({
        status: "CANCELLED",
        cancelReason: "user",
      });
    });
  });

  it("records who placed and cancelled an order, from which address, in the audit log", async () => {
    const ip = "198.51.100.77";
    const order = await callTraderApi(services, alice, ip).trading.placeOrder({
      symbol: "BTCUSDT",
      side: "sell",
      type: "limit",
      price: "71000",
      quantity: "0.01",
    });
    await callTraderApi(services, alice, ip).trading.cancelOrder({
      symbol: "BTCUSDT",
      orderId: order.order.orderId,
    });
    await flushOrderAudit(services);
    const entries = await services.db.auditLog.findMany({
      where: { targetType: "order", targetId: String(order.order.orderId) },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => [e.action, e.actorType, e.actorId, e.ip])).toEqual([
      ["order.placed", "USER", String(userIdOf(alice)), ip],
      ["order.cancelled", "USER", String(userIdOf(alice)), ip],
    ]);
    expect(entries[0]?.after).toEqual({ symbol: "BTCUSDT", side: "sell", type: "limit" });
  });

  it("records a placement retried with its client order id once in the audit log", async () => {
    const place = () =>
      api(alice).trading.placeOrder({
        symbol: "BTCUSDT",
        side: "sell",
        type: "limit",
        price: "72000",
        quantity: "0.01",
        clientOrderId: "audit-once-1",
      });
    // Two at once (one batch of the audit queue), then one more after they are written.
    const [first, concurrent] = await Promise.all([place(), place()]);
    await flushOrderAudit(services);
    const later = await place();
    await flushOrderAudit(services);
    expect([concurrent.order.orderId, later.order.orderId]).toEqual([
      first.order.orderId,
      first.order.orderId,
    ]);
    const entries = await services.db.auditLog.count({
      where: { action: "order.placed", targetType: "order", targetId: String(first.order.orderId) },
    });
    expect(entries).toBe(1);
  });

  it("records nothing for an order the engine refused", async () => {
    const before = await services.db.auditLog.count({ where: { action: "order.placed" } });
    await refusal(
      api(carol).trading.placeOrder({
        symbol: "BTCUSDT",
        side: "sell",
        type: "limit",
        price: "71000",
        quantity: "0.01",
      }),
    );
    await flushOrderAudit(services);
    expect(await services.db.auditLog.count({ where: { action: "order.placed" } })).toBe(before);
  });

  it("never shows one user's orders to another", async () => {
    await eventually(async () => {
      expect((await api(alice).trading.openOrders({ limit: 50 })).items.length).toBeGreaterThan(0);
    });
    expect((await api(carol).trading.openOrders({ limit: 50 })).items).toEqual([]);
    expect((await api(carol).trading.tradeHistory({ limit: 50 })).items).toEqual([]);
  });

  it("cancels all of a user's orders in a market", async () => {
    await api(alice).trading.placeOrder({
      symbol: "BTCUSDT",
      side: "sell",
      type: "limit",
      price: "80000",
      quantity: "0.01",
    });
    const { cancelled } = await api(alice).trading.cancelAll({ symbol: "BTCUSDT" });
    expect(cancelled).toBeGreaterThanOrEqual(2);
    await eventually(async () => {
      expect((await api(alice).trading.openOrders({ limit: 50 })).items).toEqual([]);
    });
  });
});

describe("orders the engine refuses", () => {
  it.each([
    [
      "below the minimum notional",
      { price: "100", quantity: "0.01" },
      RejectCode.NotionalBelowMin,
      "quantity",
      /minimum of 5 USDT/,
    ],
    [
      "beyond the balance",
      { price: "50000", quantity: "100" },
      RejectCode.InsufficientBalance,
      "quantity",
      /Insufficient balance/,
    ],
  ])(
    "refuses an order %s with the reason on its field",
    async (_, order, rejectCode, field, message) => {
      const result = await refusal(
        api(carol).trading.placeOrder({ symbol: "BTCUSDT", side: "buy", type: "limit", ...order }),
      );
      expect(result).toMatchObject({ code: "ORDER_REJECTED", rejectCode });
      expect(result.fields[field]?.[0]).toMatch(message);
    },
  );

  it("refuses a post-only order that would trade at once", async () => {
    await api(alice).trading.placeOrder({
      symbol: "BTCUSDT",
      side: "sell",
      type: "limit",
      price: "51000",
      quantity: "0.01",
    });
    const result = await refusal(
      api(bob).trading.placeOrder({
        symbol: "BTCUSDT",
        side: "buy",
        type: "limit",
        price: "52000",
        quantity: "0.01",
        postOnly: true,
      }),
    );
    expect(result).toMatchObject({
      rejectCode: RejectCode.PostOnlyWouldTake,
      fields: { postOnly: [expect.any(String)] },
    });
  });

  it("refuses a fill-or-kill order that cannot fill completely", async () => {
    const result = await refusal(
      api(bob).trading.placeOrder({
        symbol: "BTCUSDT",
        side: "buy",
        type: "limit",
        price: "51000",
        quantity: "1",
        timeInForce: "FOK",
      }),
    );
    expect(result).toMatchObject({ rejectCode: RejectCode.FokNotFillable });
  });

  it("refuses orders in a market that is cancel-only, then halted", async () => {
    for (const [status, rejectCode] of [
      ["cancelOnly", RejectCode.MarketCancelOnly],
      ["halted", RejectCode.MarketHalted],
    ] as const) {
      await services.engine.send({
        type: "market.setStatus",
        id: `status:${status}:${crypto.randomUUID()}`,
        ts: Date.now(),
        symbol: "ETHUSDT",
        status,
      });
      const result = await refusal(
        api(bob).trading.placeOrder({
          symbol: "ETHUSDT",
          side: "buy",
          type: "limit",
          price: "3000",
          quantity: "0.1",
        }),
      );
      expect(result).toMatchObject({ rejectCode });
    }
    // Trading again, so that later tests meet ETHUSDT as they found it.
    await services.engine.send({
      type: "market.setStatus",
      id: `status:trading:${crypto.randomUUID()}`,
      ts: Date.now(),
      symbol: "ETHUSDT",
      status: "trading",
    });
  });
});

describe("input the API refuses before the engine sees it", () => {
  it.each([
    [
      "a price off the tick",
      { type: "limit", price: "50000.001", quantity: "0.1" },
      "price",
      /multiple of 0.01 USDT/,
    ],
    [
      "a quantity off the lot",
      { type: "limit", price: "50000", quantity: "0.000011" },
      "quantity",
      /multiple of 0.00001 BTC/,
    ],
    [
      "a negative quantity",
      { type: "limit", price: "50000", quantity: "-1" },
      "quantity",
      /greater than zero/,
    ],
    ["an exponent", { type: "limit", price: "5e4", quantity: "1" }, "price", /Enter a number/],
    ["a limit order without a price", { type: "limit", quantity: "1" }, "price", /Required/],
    [
      "a market order with a price",
      { type: "market", price: "1", quantity: "1" },
      "price",
      /no price/,
    ],
  ])("refuses %s on its field", async (_, order, field, message) => {
    const result = await refusal(
      api(bob).trading.placeOrder({ symbol: "BTCUSDT", side: "buy", ...order } as never),
    );
    expect(result.code).toBe("INVALID_INPUT");
    expect(result.fields[field]?.join(" ")).toMatch(message);
  });

  it("refuses the sell at 1 followed by 45 zeros that stopped the worker, and it never reaches the engine", async () => {
    const commands = busKeys(services.redisPrefix).commands;
    const lastCommand = async () => lastGeneratedId(await services.redis.xinfo("STREAM", commands));
    const before = await lastCommand();
    const result = await refusal(
      api(alice).trading.placeOrder({
        symbol: "BTCUSDT",
        side: "sell",
        type: "limit",
        price: `1${"0".repeat(45)}`,
        quantity: "0.00001",
      }),
    );
    expect(result).toMatchObject({
      code: "ORDER_REJECTED",
      rejectCode: RejectCode.PriceAboveMax,
      message: "Price is above the maximum of 10000000 USDT.",
      fields: { price: ["Price is above the maximum of 10000000 USDT."] },
    });
    expect(await lastCommand()).toBe(before);
    // The worker keeps projecting: the next order shows among the open orders.
    const next = await api(alice).trading.placeOrder({
      symbol: "BTCUSDT",
      side: "sell",
      type: "limit",
      price: "10000000",
      quantity: "0.00001",
    });
    await eventually(async () => {
      const open = await api(alice).trading.openOrders({ limit: 50 });
      expect(open.items.map((o) => o.orderId)).toContain(next.order.orderId);
    });
    await api(alice).trading.cancelOrder({ symbol: "BTCUSDT", orderId: next.order.orderId });
  });

  it("refuses an order value or a quantity above the market's maximum", async () => {
    const value = await refusal(
      api(bob).trading.placeOrder({
        symbol: "BTCUSDT",
        side: "buy",
        type: "limit",
        price: "10000000",
        quantity: "1.00001",
      }),
    );
    expect(value).toMatchObject({
      rejectCode: RejectCode.NotionalAboveMax,
      fields: { quantity: ["Order value is above the maximum of 10000000 USDT."] },
    });
    const quantity = await refusal(
      api(bob).trading.placeOrder({
        symbol: "BTCUSDT",
        side: "buy",
        type: "limit",
        price: "1",
        quantity: "1000.00001",
      }),
    );
    expect(quantity.rejectCode).toBe(RejectCode.QuantityAboveMax);
  });

  it("refuses an unknown market", async () => {
    const result = await refusal(
      api(bob).trading.placeOrder({
        symbol: "DOGEUSDT",
        side: "buy",
        type: "limit",
        price: "1",
        quantity: "1",
      }),
    );
    expect(result.code).toBe("NOT_FOUND");
  });

  it("refuses a market order when the other side of the book is empty", async () => {
    const result = await refusal(
      api(bob).trading.placeOrder({
        symbol: "ETHUSDT",
        side: "buy",
        type: "market",
        quantity: "1",
      }),
    );
    expect(result.fields._?.[0]).toMatch(/no orders on the other side/);
  });

  it("keeps every trading procedure behind a session", async () => {
    const anonymous = api({ kind: "anonymous" });
    for (const call of [
      anonymous.trading.placeOrder({
        symbol: "BTCUSDT",
        side: "buy",
        type: "limit",
        price: "1",
        quantity: "1",
      }),
      anonymous.trading.cancelAll({ symbol: "BTCUSDT" }),
      anonymous.trading.openOrders({ limit: 10 }),
      anonymous.trading.orderHistory({ limit: 10 }),
      anonymous.trading.tradeHistory({ limit: 10 }),
      anonymous.trading.balances(),
      anonymous.trading.streamToken(),
    ]) {
      await expect(call).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
  });
});

describe("KYC level gating", () => {
  const smallBuy = {
    symbol: "BTCUSDT",
    side: "buy",
    type: "limit",
    price: "1000.00",
    quantity: "0.01",
  } as const;

  it("refuses orders until the user's level may trade, and accepts them once approved", async () => {
    const dave = await newTrader("dave", 0);
    await fund(dave, "USDT", 1_000n * 10n ** 8n);
    const refused = await refusal(api(dave).trading.placeOrder(smallBuy));
    expect(refused.code).toBe("KYC_REQUIRED");
    expect(refused.message).toMatch(/verify your identity/i);

    const submission = await submitKyc(services, userIdOf(dave), {
      fields: KYC_FIXTURE_FIELDS,
      files: kycFixtureFiles(),
    });
    const officer = await services.db.staff.findFirstOrThrow({
      where: { email: "compliance@exchange.local" },
    });
    await callAdminApi(services, staffActor(officer.id, "COMPLIANCE")).kyc.approve({
      id: submission.id,
    });

    const placed = await api(dave).trading.placeOrder(smallBuy);
    expect(placed.order.status).toBe("OPEN");
  });

  it("follows the limits table, not a hard-coded level", async () => {
    const erin = await newTrader("erin", 1);
    await fund(erin, "USDT", 1_000n * 10n ** 8n);
    await services.db.kycLevelLimit.update({ where: { level: 1 }, data: { canTrade: false } });
    try {
      expect((await refusal(api(erin).trading.placeOrder(smallBuy))).code).toBe("KYC_REQUIRED");
    } finally {
      await services.db.kycLevelLimit.update({ where: { level: 1 }, data: { canTrade: true } });
    }
    expect((await api(erin).trading.placeOrder(smallBuy)).order.status).toBe("OPEN");
  });
});

describe("stream tokens", () => {
  it("issues a token that names the caller and expires within a minute", async () => {
    const { token, expiresAt } = await api(carol).trading.streamToken();
    expect(verifyStreamToken(token, STREAM_SECRET, Date.now())?.userId).toBe(userIdOf(carol));
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    expect(verifyStreamToken(token, STREAM_SECRET, expiresAt.getTime())).toBeUndefined();
  });
});
