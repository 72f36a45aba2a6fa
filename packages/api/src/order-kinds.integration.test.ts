import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RejectCode } from "@exchange/core";
import { AppError } from "@exchange/domains/errors";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { depositForTest } from "@exchange/domains/testing/test-funds";
import { UNLIMITED_ORDER_RATES } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { flushOrderAudit } from "@exchange/domains/trading/order-audit";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

/**
 * Stop-limit, take-profit-limit, OCO and amend through the trader API, against a real engine and
 * worker: what the answer says, what the order lists then show, and the refusals' fields.
 */

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let dave: Actor;
let erin: Actor;

const api = (actor: Actor) => callTraderApi(services, actor);
const userIdOf = (actor: Actor) => (actor.kind === "user" ? actor.userId : 0);

async function fund(actor: Actor, asset: string, amountAtoms: bigint) {
  await depositForTest(services.engine, userIdOf(actor), asset, amountAtoms);
}

/** The AppError a call ends in. */
async function refusal(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => expect.fail("the call was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause;
  expect(cause).toBeInstanceOf(AppError);
  return cause as AppError;
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("order-kinds");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices({
    ...sandbox,
    documentStorageDir: mkdtempSync(join(tmpdir(), "exchange-order-kinds-documents-")),
    orderRateLimits: UNLIMITED_ORDER_RATES,
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const trader = async (tag: string): Promise<Actor> => {
    const user = await createTestUser(services.db, { tag, kycLevel: 1 });
    return { kind: "user", userId: user.id };
  };
  dave = await trader("dave");
  erin = await trader("erin");
  for (const actor of [dave, erin]) {
    await fund(actor, "BTC", 2n * 10n ** 8n);
    await fund(actor, "USDT", 200_000n * 10n ** 8n);
  }
  // A first trade at 50 000: the last price stop orders are measured against.
  await api(erin).trading.placeOrder({
    symbol: "BTCUSDT",
    side: "sell",
    type: "limit",
    price: "50000",
    quantity: "0.01",
  });
  const first = await api(dave).trading.placeOrder({
    symbol: "BTCUSDT",
    side: "buy",
    type: "limit",
    price: "50000",
    quantity: "0.01",
    timeInForce: "IOC",
  });
  expect(first.order.status).toBe("FILLED");
});

afterAll(async () => {
  await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("stop-limit and take-profit-limit orders", () => {
  it("places a stop order that waits for its trigger, and lists it as waiting", async () => {
    const placed = await api(dave).trading.placeOrder({
      symbol: "BTCUSDT",
      side: "buy",
      type: "stopLimit",
      stopPrice: "50100",
      price: "50200",
      quantity: "0.02",
    });
    expect(placed.order).toMatchObject({
      type: "stopLimit",
      stopPrice: "50100",
      price: "50200",
      status: "OPEN",
      working: false,
      workingAt: null,
      listId: null,
    });
    await eventually(async () => {
      const open = await api(dave).trading.openOrders({ symbol: "BTCUSDT" });
      expect(open.items.find((o) => o.orderId === placed.order.orderId)).toMatchObject({
        type: "stopLimit",
        stopPrice: "50100",
        working: false,
      });
    });
  });

  it("refuses a stop the last price already reached, on the stop price field", async () => {
    const error = await refusal(
      api(dave).trading.placeOrder({
        symbol: "BTCUSDT",
        side: "sell",
        type: "takeProfitLimit",
        stopPrice: "49000",
        price: "49000",
        quantity: "0.01",
      }),
    );
    expect(error.rejectCode).toBe(RejectCode.StopWouldTriggerNow);
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["stopPrice"]);
  });
});

describe("OCO lists", () => {
  it("places both orders under one list id, the limit order working and the stop waiting", async () => {
    const placed = await api(erin).trading.placeOco({
      symbol: "BTCUSDT",
      side: "sell",
      quantity: "0.01",
      price: "51000",
      stopPrice: "49000",
      stopLimitPrice: "48900",
    });
    const [limit, stop] = placed.orders;
    expect(limit).toMatchObject({ type: "limit", price: "51000", postOnly: true, working: true });
    expect(stop).toMatchObject({ type: "stopLimit", stopPrice: "49000", working: false });
    expect(limit.listId).toBe(placed.listId);
    expect(stop.listId).toBe(placed.listId);
  });

  it("refuses prices in the wrong order before the engine sees them", async () => {
    const error = await refusal(
      api(erin).trading.placeOco({
        symbol: "BTCUSDT",
        side: "sell",
        quantity: "0.01",
        price: "48000",
        stopPrice: "49000",
        stopLimitPrice: "48900",
      }),
    );
    expect(error.fieldErrors?.stopPrice).toEqual([
      "For a sell, the stop price must be below the limit price.",
    ]);
  });
});

describe("amendments", () => {
  it("keeps the order's id when its quantity goes down, and replaces it when its price changes", async () => {
    const placed = await api(erin).trading.placeOrder({
      symbol: "BTCUSDT",
      side: "sell",
      type: "limit",
      price: "52000",
      quantity: "0.05",
    });
    const id = placed.order.orderId;
    const reduced = await api(erin).trading.amendOrder({
      symbol: "BTCUSDT",
      orderId: id,
      quantity: "0.03",
    });
    expect(reduced).toMatchObject({ keptPriority: true, order: { orderId: id, quantity: "0.03" } });
    expect(reduced.replacedOrderId).toBeUndefined();
    const moved = await api(erin).trading.amendOrder({
      symbol: "BTCUSDT",
      orderId: id,
      price: "52100",
    });
    expect(moved).toMatchObject({
      keptPriority: false,
      replacedOrderId: id,
      order: { price: "52100", quantity: "0.03", status: "OPEN" },
    });
    expect(moved.order.orderId).not.toBe(id);
    await flushOrderAudit(services);
    const entries = await services.db.auditLog.findMany({
      where: { action: "order.amended", targetId: String(id) },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => (e.after as { keptPriority: boolean }).keptPriority)).toEqual([
      true,
      false,
    ]);
  });

  it("answers another user's order as not found, and an OCO order as not amendable", async () => {
    const mine = await api(erin).trading.placeOrder({
      symbol: "BTCUSDT",
      side: "sell",
      type: "limit",
      price: "53000",
      quantity: "0.01",
    });
    const notFound = await refusal(
      api(dave).trading.amendOrder({
        symbol: "BTCUSDT",
        orderId: mine.order.orderId,
        quantity: "0.005",
      }),
    );
    expect(notFound.rejectCode).toBe(RejectCode.OrderNotFound);
    const oco = await api(dave).trading.placeOco({
      symbol: "BTCUSDT",
      side: "buy",
      quantity: "0.01",
      price: "45000",
      stopPrice: "55000",
      stopLimitPrice: "55100",
    });
    const notAllowed = await refusal(
      api(dave).trading.amendOrder({
        symbol: "BTCUSDT",
        orderId: oco.orders[0].orderId,
        quantity: "0.005",
      }),
    );
    expect(notAllowed.rejectCode).toBe(RejectCode.AmendNotAllowed);
  });

  it("cancels every open order of the caller in every market when no symbol is given", async () => {
    const { cancelled } = await api(erin).trading.cancelAll({});
    expect(cancelled).toBeGreaterThanOrEqual(4);
    await eventually(async () => {
      expect((await api(erin).trading.openOrders({})).items).toEqual([]);
    });
  });
});
