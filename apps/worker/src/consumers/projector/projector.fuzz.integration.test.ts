/**
 * The projector with extreme but valid values: orders and trades at the largest prices,
 * quantities and balances the core accepts on a market whose limits are as wide as the core
 * allows today, through a real engine into the read models. The property: the projector keeps
 * up (never stops on an event), each accepted order reads back exactly, and the books reconcile.
 */

import { type Command, MAX_UNITS } from "@exchange/core";
import { Journal } from "@exchange/journal";
import { busKeys, createLogger, EngineClient, stringifyWire } from "@exchange/protocol";
import { fuzz, fuzzTimeoutMs } from "@exchange/protocol/testing";
import {
  createEngineSandbox,
  EngineProcess,
  type EngineSandbox,
  promptStateDigest,
} from "@exchange/testkit";
import fc from "fast-check";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcile } from "../../jobs/reconciliation/reconcile";
import { runAlone } from "../consumer";
import { Projector } from "./projector";

const SYMBOL = "XXLUSDT";
const USERS = [1, 2];
/**
 * The largest price, quantity, notional and balance the core accepts (its ceiling, `MAX_UNITS`):
 * the read models must hold every value derived from them. Values just above are generated too;
 * the core refuses them and the projector must still keep up.
 */
const LIMIT = MAX_UNITS;
/** Balances at the ceiling; every fill's quote amount is bounded by the maximum notional. */
const DEPOSIT_ATOMS = MAX_UNITS;

let sandbox: EngineSandbox;
let engine: EngineProcess;
let client: EngineClient;
let redis: Redis;
let pool: pg.Pool;
let projector: Projector;
let running: Promise<void>;
let commandCount = 0;

const nextId = () => `xxl:${commandCount++}`;

beforeAll(async () => {
  sandbox = await createEngineSandbox("projector-fuzz");
  engine = await EngineProcess.start(sandbox);
  client = await EngineClient.connect({ redisUrl: sandbox.redisUrl, prefix: sandbox.redisPrefix });
  redis = new Redis(sandbox.redisUrl);
  pool = new pg.Pool({ connectionString: sandbox.databaseUrl });
  const setup: Command[] = [
    { type: "asset.add", id: nextId(), ts: 1, code: "XXL", precision: 0 },
    { type: "asset.add", id: nextId(), ts: 1, code: "USDT", precision: 0 },
    {
      type: "market.add",
      id: nextId(),
      ts: 1,
      symbol: SYMBOL,
      base: "XXL",
      quote: "USDT",
      tickSizeAtoms: 1n,
      lotSizeAtoms: 1n,
      minQtyLots: 1n,
      maxQtyLots: LIMIT,
      maxPriceTicks: LIMIT,
      maxNotionalAtoms: LIMIT,
      minNotionalAtoms: 1n,
      makerFeePpm: 1_000,
      takerFeePpm: 2_000,
    },
    ...USERS.flatMap((userId) =>
      ["XXL", "USDT"].map((asset) => ({
        type: "balance.deposit" as const,
        id: nextId(),
        ts: 1,
        business: "fuzz",
        businessId: `${userId}:${asset}`,
        userId,
        asset,
        amountAtoms: DEPOSIT_ATOMS,
      })),
    ),
  ];
  for (const command of setup) {
    const reply = await client.send(command);
    expect(reply.outcome.ok, stringifyWire(reply.outcome)).toBe(true);
  }
  projector = new Projector({
    pool,
    redis,
    keys: busKeys(sandbox.redisPrefix),
    journal: new Journal(pool),
    log: createLogger("projector-fuzz", "error"),
  });
  running = runAlone(projector);
}, 120_000);

afterAll(async () => {
  projector?.stop();
  await running?.catch(() => {});
  await client?.close();
  redis?.disconnect();
  await pool?.end();
  await engine?.kill();
});

/** A value of any magnitude from 1 to just past the core's ceiling, the extremes most often. */
const extremeAmount = fc.oneof(
  fc.constantFrom(1n, LIMIT, LIMIT - 1n, LIMIT + 1n, 10n ** 20n, 2n ** 63n),
  fc.integer({ min: 0, max: 31 }).map((exponent) => 10n ** BigInt(exponent)),
  fc.bigInt({ min: 1n, max: LIMIT }),
);

const order = fc.record({
  userId: fc.constantFrom(...USERS),
  side: fc.constantFrom("buy" as const, "sell" as const),
  priceTicks: extremeAmount,
  qtyLots: extremeAmount,
  market: fc.boolean(),
});

async function caughtUp(): Promise<void> {
  const { seq } = await promptStateDigest(engine, client);
  const deadline = Date.now() + 20_000;
  let failure: unknown;
  running.catch((error) => {
    failure = error;
  });
  while (projector.projectedSeq < seq) {
    if (failure) throw new Error(`the projector stopped: ${String(failure)}`);
    if (Date.now() > deadline) {
      throw new Error(`projector at ${projector.projectedSeq}, engine at ${seq}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("projector with extreme but valid values", { timeout: fuzzTimeoutMs(180_000) }, () => {
  it("keeps up, reads every accepted order back exactly, and the books reconcile", async () => {
    await fuzz(
      fc.asyncProperty(fc.array(order, { minLength: 1, maxLength: 4 }), async (orders) => {
        const accepted: Array<{ orderId: number; priceTicks: bigint; qtyLots: bigint }> = [];
        for (const o of orders) {
          const base = {
            id: nextId(),
            ts: Date.now(),
            userId: o.userId,
            symbol: SYMBOL,
            side: o.side,
          };
          const reply = await client.send(
            o.market
              ? { ...base, type: "order.place", orderType: "market", qtyLots: o.qtyLots }
              : {
                  ...base,
                  type: "order.place",
                  orderType: "limit",
                  priceTicks: o.priceTicks,
                  qtyLots: o.qtyLots,
                },
          );
          const event = reply.outcome.events.find((e) => e.type === "order.accepted");
          if (event && !o.market)
            accepted.push({ orderId: event.orderId, priceTicks: o.priceTicks, qtyLots: o.qtyLots });
        }
        await caughtUp();
        for (const { orderId, priceTicks, qtyLots } of accepted) {
          const { rows } = await pool.query(
            "SELECT price_ticks::text AS price, qty_lots::text AS qty FROM orders WHERE order_id = $1",
            [orderId],
          );
          expect(rows[0]).toEqual({ price: String(priceTicks), qty: String(qtyLots) });
        }
      }),
      100,
    );
    const report = await reconcile(pool, new Journal(pool), { maxLagMs: 60_000 });
    expect(report.differences).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
