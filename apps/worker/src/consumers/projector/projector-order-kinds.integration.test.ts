import type { Command } from "@exchange/core";
import { Journal } from "@exchange/journal";
import { busKeys, createLogger, EngineClient } from "@exchange/protocol";
import {
  createEngineSandbox,
  EngineProcess,
  type EngineSandbox,
  referenceCommands,
  SYMBOL,
} from "@exchange/testkit";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcile } from "../../jobs/reconciliation/reconcile";
import { runAlone } from "../consumer";
import { Projector } from "./projector";

/**
 * Stop orders, OCO lists and amendments in the orders read model: each step is projected in a
 * batch of its own, so a trigger, an amendment and an OCO cancel update orders that earlier
 * batches wrote (the path a live projector takes), and the books reconcile throughout.
 */

let sandbox: EngineSandbox;
let engine: EngineProcess;
let client: EngineClient;
let redis: Redis;
let pool: pg.Pool;
let projector: Projector;
let running: Promise<void>;
let n = 0;

const [A, B, C, D] = [101, 102, 103, 104];
const MID = 5_000_000n;

async function send(command: Omit<Command, "id" | "ts">) {
  n += 1;
  const reply = await client.send({ ...command, id: `kinds:${n}`, ts: 1_000 + n } as Command);
  if (!reply.outcome.ok) throw new Error(`${command.type} rejected: ${reply.outcome.message}`);
  return reply.outcome.events;
}

const place = (userId: number, fields: Record<string, unknown>) =>
  send({ type: "order.place", userId, symbol: SYMBOL, ...fields } as Omit<Command, "id" | "ts">);

async function caughtUp(): Promise<void> {
  const { seq } = await engine.stateDigest();
  const deadline = Date.now() + 20_000;
  while (projector.projectedSeq < seq) {
    if (Date.now() > deadline)
      throw new Error(`projector at ${projector.projectedSeq}, engine ${seq}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function orderRow(orderId: number) {
  const { rows } = await pool.query(
    `SELECT order_type, stop_order_type, stop_price_ticks::text, list_id, working,
            working_at IS NOT NULL AS has_working_at, status, qty_lots::text, price_ticks::text,
            remaining_lots::text, filled_lots::text, cancel_reason
       FROM orders WHERE order_id = $1`,
    [orderId],
  );
  return rows[0];
}

function acceptedIds(events: readonly { type: string }[]): number[] {
  return events
    .filter((e) => e.type === "order.accepted")
    .map((e) => (e as unknown as { orderId: number }).orderId);
}

beforeAll(async () => {
  sandbox = await createEngineSandbox("projector-kinds");
  engine = await EngineProcess.start(sandbox);
  client = await EngineClient.connect({ redisUrl: sandbox.redisUrl, prefix: sandbox.redisPrefix });
  redis = new Redis(sandbox.redisUrl);
  pool = new pg.Pool({ connectionString: sandbox.databaseUrl });
  for (const command of referenceCommands()) await client.send(command);
  for (const userId of [A, B, C, D]) {
    for (const [asset, amountAtoms] of [
      ["BTC", 100n * 100_000_000n],
      ["USDT", 10_000_000n * 1_000_000n],
    ] as const) {
      await send({
        type: "balance.deposit",
        business: "deposit",
        businessId: `kinds:${userId}:${asset}`,
        userId,
        asset,
        amountAtoms,
      } as Omit<Command, "id" | "ts">);
    }
  }
  projector = new Projector({
    pool,
    redis,
    keys: busKeys(sandbox.redisPrefix),
    journal: new Journal(pool),
    log: createLogger("projector-kinds-test", "error"),
  });
  running = runAlone(projector);
  // A first trade sets the market's last price, which stop orders are checked against.
  await place(A, { orderType: "limit", side: "sell", priceTicks: MID, qtyLots: 1n });
  await place(B, {
    orderType: "limit",
    side: "buy",
    priceTicks: MID,
    qtyLots: 1n,
    timeInForce: "IOC",
  });
});

afterAll(async () => {
  projector?.stop();
  await running;
  await client?.close();
  redis?.disconnect();
  await pool?.end();
  await engine?.kill();
});

describe("projector: order kinds", () => {
  let stopId = 0;
  let reducedId = 0;

  it("writes a stop order waiting for its trigger, with its kind and stop price", async () => {
    const events = await place(C, {
      orderType: "stopLimit",
      side: "buy",
      stopPriceTicks: MID + 100n,
      priceTicks: MID + 200n,
      qtyLots: 2n,
    });
    stopId = acceptedIds(events)[0] ?? 0;
    await caughtUp();
    expect(await orderRow(stopId)).toMatchObject({
      order_type: "limit",
      stop_order_type: "stopLimit",
      stop_price_ticks: String(MID + 100n),
      list_id: null,
      working: false,
      has_working_at: false,
      status: "OPEN",
    });
  });

  it("lowers an amended quantity in place and replaces an order whose price changed", async () => {
    const [resting = 0] = acceptedIds(
      await place(D, { orderType: "limit", side: "sell", priceTicks: MID + 100n, qtyLots: 5n }),
    );
    const [moved = 0] = acceptedIds(
      await place(D, { orderType: "limit", side: "sell", priceTicks: MID + 900n, qtyLots: 1n }),
    );
    await caughtUp();
    await send({
      type: "order.amend",
      userId: D,
      symbol: SYMBOL,
      orderId: resting,
      qtyLots: 4n,
    } as Omit<Command, "id" | "ts">);
    const replaced = await send({
      type: "order.amend",
      userId: D,
      symbol: SYMBOL,
      orderId: moved,
      priceTicks: MID + 800n,
    } as Omit<Command, "id" | "ts">);
    const [replacement = 0] = acceptedIds(replaced);
    await caughtUp();
    reducedId = resting;
    expect(await orderRow(resting)).toMatchObject({
      qty_lots: "4",
      remaining_lots: "4",
      status: "OPEN",
      working: true,
      has_working_at: true,
    });
    expect(await orderRow(moved)).toMatchObject({ status: "CANCELLED", cancel_reason: "amended" });
    expect(await orderRow(replacement)).toMatchObject({
      status: "OPEN",
      price_ticks: String(MID + 800n),
      qty_lots: "1",
    });
  });

  it("marks a triggered stop order working, and its fills", async () => {
    // B takes one lot at MID + 100: the last price reaches the stop, which buys 2 more there.
    await place(B, {
      orderType: "limit",
      side: "buy",
      priceTicks: MID + 100n,
      qtyLots: 1n,
      timeInForce: "IOC",
    });
    await caughtUp();
    expect(await orderRow(stopId)).toMatchObject({
      stop_order_type: "stopLimit",
      working: true,
      has_working_at: true,
      status: "FILLED",
      filled_lots: "2",
    });
    expect(await orderRow(reducedId)).toMatchObject({
      status: "PARTIALLY_FILLED",
      filled_lots: "3",
      qty_lots: "4",
      remaining_lots: "1",
    });
  });

  it("writes an OCO's two orders with their list id, and cancels the stop when the limit fills", async () => {
    const events = await send({
      type: "order.placeOco",
      userId: A,
      symbol: SYMBOL,
      side: "buy",
      qtyLots: 3n,
      priceTicks: MID - 1_000n,
      stopPriceTicks: MID + 2_000n,
      stopLimitPriceTicks: MID + 2_100n,
    } as Omit<Command, "id" | "ts">);
    const [limitId = 0, stopLegId = 0] = acceptedIds(events);
    await caughtUp();
    expect(await orderRow(limitId)).toMatchObject({ list_id: limitId, working: true });
    expect(await orderRow(stopLegId)).toMatchObject({
      list_id: limitId,
      stop_order_type: "stopLimit",
      working: false,
    });
    await place(B, {
      orderType: "limit",
      side: "sell",
      priceTicks: MID - 1_000n,
      qtyLots: 3n,
      timeInForce: "IOC",
    });
    await caughtUp();
    expect(await orderRow(limitId)).toMatchObject({ status: "FILLED", filled_lots: "3" });
    expect(await orderRow(stopLegId)).toMatchObject({
      status: "CANCELLED",
      cancel_reason: "oco",
      working: false,
    });
    const report = await reconcile(pool, new Journal(pool), { maxLagMs: 60_000 });
    expect(report.differences).toEqual([]);
  });
});
