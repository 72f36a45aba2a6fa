/**
 * Shared by the market-data integration tests: an engine sandbox whose reference data matches
 * the seeded markets table (the job formats with the database's scales), a projector and the
 * job in this process, and helpers to wait for them.
 */

import { MarketUnits, parseUnits } from "@exchange/contracts/money";
import type { Command } from "@exchange/core";
import { SEED_ASSETS, SEED_MARKETS } from "@exchange/db/seed-data";
import { Journal, SnapshotStore } from "@exchange/journal";
import { busKeys, createLogger, EngineClient } from "@exchange/protocol";
import { createEngineSandbox, EngineProcess, type EngineSandbox } from "@exchange/testkit";
import { Redis } from "ioredis";
import pg from "pg";
import { runAlone } from "../consumer";
import { Projector } from "../projector/projector";
import { MarketDataJob } from "./market-data-job";

/** The seeded assets and markets as engine commands (min notional 1 atom: workloads are tiny). */
export function seedReferenceCommands(ts = 1): Command[] {
  const precision = new Map(SEED_ASSETS.map((a) => [a.code, a.precision]));
  const commands: Command[] = SEED_ASSETS.map((a) => ({
    type: "asset.add",
    id: `md-ref:asset:${a.code}`,
    ts,
    code: a.code,
    precision: a.precision,
  }));
  for (const m of SEED_MARKETS) {
    const basePrecision = precision.get(m.baseAsset) as number;
    const quotePrecision = precision.get(m.quoteAsset) as number;
    const lotSizeAtoms = parseUnits(m.lotSize, basePrecision);
    commands.push({
      type: "market.add",
      id: `md-ref:market:${m.symbol}`,
      ts,
      symbol: m.symbol,
      base: m.baseAsset,
      quote: m.quoteAsset,
      tickSizeAtoms: parseUnits(m.priceTick, quotePrecision),
      lotSizeAtoms,
      minQtyLots: 1n,
      maxQtyLots: parseUnits(m.maxQty, basePrecision) / lotSizeAtoms,
      minNotionalAtoms: 1n,
      makerFeePpm: 1_000,
      takerFeePpm: 2_000,
    });
  }
  return commands;
}

/** The seeded market's units, as the job formats them. */
export function seedUnits(symbol: string): MarketUnits {
  const market = SEED_MARKETS.find((m) => m.symbol === symbol);
  if (!market) throw new Error(`no seeded market ${symbol}`);
  const precision = (code: string) => SEED_ASSETS.find((a) => a.code === code)?.precision ?? 0;
  return new MarketUnits({
    symbol,
    base: market.baseAsset,
    quote: market.quoteAsset,
    basePrecision: precision(market.baseAsset),
    quotePrecision: precision(market.quoteAsset),
    tickSizeAtoms: parseUnits(market.priceTick, precision(market.quoteAsset)),
    lotSizeAtoms: parseUnits(market.lotSize, precision(market.baseAsset)),
  });
}

export interface MarketDataRig {
  sandbox: EngineSandbox;
  engine: EngineProcess;
  client: EngineClient;
  pool: pg.Pool;
  /** For the test's own reads and subscriptions. */
  redis: Redis;
  startJob(tickerIntervalMs?: number): Promise<RunningJob>;
  startProjector(): RunningProjector;
  /** Warnings the jobs logged (a healthy run logs none). */
  warnings: string[];
  /** Waits until `job` has published everything the engine has journaled. */
  caughtUp(job: MarketDataJob): Promise<number>;
  close(): Promise<void>;
}

export interface RunningJob {
  job: MarketDataJob;
  stop(): Promise<void>;
}

export interface RunningProjector {
  projector: Projector;
  stop(): Promise<void>;
}

export async function startRig(tag: string): Promise<MarketDataRig> {
  const sandbox = await createEngineSandbox(tag);
  const engine = await EngineProcess.start(sandbox);
  const client = await EngineClient.connect({
    redisUrl: sandbox.redisUrl,
    prefix: sandbox.redisPrefix,
  });
  const pool = new pg.Pool({ connectionString: sandbox.databaseUrl });
  const redis = new Redis(sandbox.redisUrl);
  const keys = busKeys(sandbox.redisPrefix);
  const journal = new Journal(pool);
  const quiet = createLogger("market-data-test", "error");
  const warnings: string[] = [];
  const log = {
    ...quiet,
    warn: (msg: string, fields?: Record<string, unknown>) =>
      warnings.push(`${msg} ${JSON.stringify(fields ?? {})}`),
  };
  const connections: Redis[] = [];
  for (const command of seedReferenceCommands()) await client.send(command);

  return {
    sandbox,
    engine,
    client,
    pool,
    redis,
    warnings,
    async startJob(tickerIntervalMs = 100) {
      const jobRedis = new Redis(sandbox.redisUrl, { maxRetriesPerRequest: null });
      connections.push(jobRedis);
      const job = new MarketDataJob({
        pool,
        redis: jobRedis,
        keys,
        prefix: sandbox.redisPrefix,
        journal,
        snapshots: new SnapshotStore(pool, 1),
        log,
        tickerIntervalMs,
      });
      const running = runAlone(job);
      running.catch(() => {});
      // Started once its first snapshot is written (run() resolves only on stop).
      const deadline = Date.now() + 20_000;
      while (!job.started) {
        if (Date.now() > deadline) throw new Error("market-data job did not start");
        await Promise.race([running, new Promise((r) => setTimeout(r, 20))]);
      }
      return {
        job,
        async stop() {
          job.stop();
          await running;
          jobRedis.disconnect();
        },
      };
    },
    startProjector() {
      const projectorRedis = new Redis(sandbox.redisUrl, { maxRetriesPerRequest: null });
      const projector = new Projector({ pool, redis: projectorRedis, keys, journal, log: quiet });
      const running = runAlone(projector);
      return {
        projector,
        async stop() {
          projector.stop();
          await running;
          projectorRedis.disconnect();
        },
      };
    },
    async caughtUp(job) {
      const { seq } = await engine.stateDigest();
      const deadline = Date.now() + 20_000;
      while (job.publishedSeq < seq) {
        if (Date.now() > deadline)
          throw new Error(`market data at ${job.publishedSeq}, engine at ${seq}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return seq;
    },
    async close() {
      await client.close();
      for (const connection of connections) connection.disconnect();
      redis.disconnect();
      await pool.end();
      await engine.kill();
    },
  };
}
