import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { marketDataKeys } from "../../../packages/contracts/src/market-data-keys";
import { parseUnits } from "../../../packages/contracts/src/money";
import { createDb } from "../../../packages/db/src/client";
import { hashPassword } from "../../../packages/db/src/password";
import { syncReferenceData } from "../../../packages/domains/src/markets/reference-data";
import { commandIds } from "../../../packages/protocol/src/command-ids";
import { EngineClient } from "../../../packages/protocol/src/engine-client";
import { uniqueEmail } from "../../fixtures";

/**
 * What the trading journeys need besides the apps: the engine knowing the markets, a worker
 * projecting the engine's events (balances, orders, market data), and traders with money.
 * Until the harness provides the last two (a worker process and a funding helper), this module
 * does: it funds traders with `balance.deposit` commands on the engine bus, as a chain watcher
 * would, and starts a worker only if none is running for this run.
 */

const ROOT = join(import.meta.dirname, "..", "..", "..");

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with npm run test:e2e`);
  return value;
}

const runEnv = () => ({
  databaseUrl: required("E2E_DATABASE_URL"),
  redisUrl: required("E2E_REDIS_URL"),
  redisPrefix: required("E2E_REDIS_PREFIX"),
});

export interface TestTrader {
  id: number;
  email: string;
  password: string;
}

export interface TradingSetup {
  /**
   * A new trader, credited with `funds` (asset → whole-unit decimal, e.g. { USDT: "10000" }),
   * ready once the read model shows the funds; `untilProjected: false` returns once the engine
   * has them (for a journey whose projection is meant to stall).
   */
  createTrader(
    funds: Record<string, string>,
    options?: { untilProjected?: boolean },
  ): Promise<TestTrader>;
  /**
   * A limit order of another trader, sent to the engine as a bot would (prices and quantities in
   * the market's decimals): the market moving around the trader a journey follows.
   */
  placeLimitOrder(
    trader: TestTrader,
    order: { symbol: string; side: "buy" | "sell"; price: string; quantity: string; ioc?: boolean },
  ): Promise<void>;
  close(): Promise<void>;
}

/** Reference data in the engine, a worker running, and a way to make funded traders. */
export async function setUpTrading(): Promise<TradingSetup> {
  const env = runEnv();
  const db = createDb(env.databaseUrl);
  const engine = await EngineClient.connect({ redisUrl: env.redisUrl, prefix: env.redisPrefix });
  // Idempotent: the commands' ids name the configuration, so a repeat changes nothing.
  await syncReferenceData(db, engine, Date.now());
  const worker = await ensureWorker(env);
  const precisions = new Map(
    (await db.asset.findMany({ select: { code: true, precision: true } })).map((a) => [
      a.code,
      a.precision,
    ]),
  );

  return {
    async createTrader(funds, { untilProjected: waitForProjection = true } = {}) {
      const trader = { email: uniqueEmail("trader"), password: "trader-e2e-pass-1" };
      const user = await db.user.create({
        // A trader who has passed email verification and KYC, as trading requires.
        data: {
          email: trader.email,
          passwordHash: await hashPassword(trader.password),
          emailVerifiedAt: new Date(),
          kycLevel: 1,
        },
        select: { id: true },
      });
      for (const [asset, amount] of Object.entries(funds)) {
        const precision = precisions.get(asset);
        if (precision === undefined) throw new Error(`no asset ${asset}`);
        const businessId = `e2e:${user.id}:${asset}`;
        const { outcome } = await engine.send(
          {
            type: "balance.deposit",
            id: commandIds.deposit(businessId),
            ts: Date.now(),
            business: "deposit",
            businessId,
            userId: user.id,
            asset,
            amountAtoms: parseUnits(amount, precision),
          },
          { timeoutMs: 15_000 },
        );
        if (!outcome.ok) throw new Error(`deposit refused: ${outcome.message}`);
      }
      if (waitForProjection) await untilProjected(db, user.id, Object.keys(funds));
      return { id: user.id, ...trader };
    },
    async placeLimitOrder(trader, order) {
      const market = await db.market.findUniqueOrThrow({ where: { symbol: order.symbol } });
      const { outcome } = await engine.send(
        {
          type: "order.place",
          id: commandIds.placeOrder(trader.id),
          ts: Date.now(),
          userId: trader.id,
          symbol: order.symbol,
          side: order.side,
          orderType: "limit",
          priceTicks: stepsOf(order.price, market.priceTick),
          qtyLots: stepsOf(order.quantity, market.lotSize),
          timeInForce: order.ioc ? "IOC" : "GTC",
        },
        { timeoutMs: 15_000 },
      );
      if (!outcome.ok) throw new Error(`order refused: ${outcome.message}`);
    },
    async close() {
      await worker.stop();
      await Promise.all([engine.close(), db.$disconnect()]);
    },
  };
}

/** How many `step`s (a tick or a lot, decimal text) make `value`, exactly. */
function stepsOf(value: string, step: { toString(): string }): bigint {
  const scale = Math.max(decimals(value), decimals(step.toString()));
  const units = parseUnits(value, scale);
  const stepUnits = parseUnits(step.toString(), scale);
  if (units % stepUnits !== 0n) throw new Error(`${value} is not a multiple of ${step}`);
  return units / stepUnits;
}

const decimals = (text: string) => text.split(".")[1]?.length ?? 0;

const WORKER_WAIT_MS = 5_000;

/**
 * Uses the run's worker if one is up (the market-data job's mark appears in Redis), else starts
 * one for this file and stops it afterwards.
 */
async function ensureWorker(env: ReturnType<typeof runEnv>): Promise<{ stop(): Promise<void> }> {
  const redis = new Redis(env.redisUrl);
  try {
    const deadline = Date.now() + WORKER_WAIT_MS;
    while (Date.now() < deadline) {
      // The market-data consumer writes this mark once it has written its state.
      if (await redis.exists(marketDataKeys(env.redisPrefix).alive))
        return { stop: async () => {} };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    redis.disconnect();
  }
  const child = spawn(process.execPath, ["--import", "tsx", "apps/worker/src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.redisUrl,
      REDIS_PREFIX: env.redisPrefix,
      LOG_LEVEL: "warn",
      // No operations port: a fallback worker must not collide with the run's or dev's.
      WORKER_HTTP_PORT: "0",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForWorkerMark(env, child);
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function waitForWorkerMark(env: ReturnType<typeof runEnv>, child: ChildProcess) {
  const redis = new Redis(env.redisUrl);
  try {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}`);
      if (await redis.exists(marketDataKeys(env.redisPrefix).alive)) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error("the worker did not start within 30 s");
  } finally {
    redis.disconnect();
  }
}

/** Row count of a trader's open orders, straight from the read model (for negative checks). */
export async function openOrderCount(userId: number): Promise<number> {
  const client = new pg.Client({ connectionString: runEnv().databaseUrl });
  await client.connect();
  try {
    const result = await client.query(
      "SELECT count(*)::int AS n FROM orders WHERE user_id = $1 AND status IN ('OPEN', 'PARTIALLY_FILLED')",
      [userId],
    );
    return Number(result.rows[0].n);
  } finally {
    await client.end();
  }
}

/**
 * Waits until the worker has projected the trader's funded assets into the read model, so a page
 * that reads balances once (the admin profile, a first render) shows them, however loaded the
 * machine is: a trader is ready when their funds are visible, not when the engine has them.
 */
async function untilProjected(db: ReturnType<typeof createDb>, userId: number, assets: string[]) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const rows = await db.accountBalance.count({
      where: { userId, asset: { in: assets }, balanceAtoms: { gt: 0 } },
    });
    if (rows >= assets.length) return;
    if (Date.now() > deadline) throw new Error(`funds of user ${userId} never projected`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
