/**
 * `npm run bench:gateway-public`: the real trading gateway process on its public routes — the
 * weight charge in Redis, the market directory, the depth snapshot read through the
 * market-data domain — in a database and Redis prefix of its own (the seed's markets, and a
 * 200-level BTCUSDT book written as the market-data job writes it). A closed loop of
 * BENCH_CONNECTIONS (50) keep-alive connections drives each route for BENCH_SECONDS (5);
 * the budget is lifted so no request is refused. The last line is one JSON object.
 */
import { loadavg } from "node:os";
import { levelField, marketDataKeys } from "@exchange/contracts/market-data-keys";
import { GatewayProcess } from "@exchange/testkit";
import { Redis } from "ioredis";
import { provisionTestRun } from "../lib/test-run";
import { type HttpRun, httpClosedLoop } from "./lib/http-closed-loop";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUTES = {
  ping: "/api/v3/ping",
  depth: "/api/v3/depth?symbol=BTCUSDT&limit=100",
  tickerPrice: "/api/v3/ticker/price?symbol=BTCUSDT",
  exchangeInfo: "/api/v3/exchangeInfo",
} as const;

/** BTCUSDT's book as the market-data job keeps it: 100 levels a side around 50 000. */
async function writeBook(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  const fields: Record<string, string> = { seq: "1000" };
  for (let i = 0; i < 100; i++) {
    const bid = 50_000 - i;
    const ask = 50_001 + i;
    fields[levelField("buy", BigInt(bid * 100))] = `${bid}:0.${i + 1}`;
    fields[levelField("sell", BigInt(ask * 100))] = `${ask}:0.${i + 1}`;
  }
  await redis.hset(marketDataKeys(prefix).depth("BTCUSDT"), fields);
  await redis.quit();
}

async function main(): Promise<void> {
  const run = await provisionTestRun("benchgw", { seed: true });
  let gateway: GatewayProcess | undefined;
  try {
    await writeBook(run.redisUrl, run.redisPrefix);
    gateway = await GatewayProcess.start(run, { GATEWAY_WEIGHT_PER_MINUTE: "1000000000" });
    await httpClosedLoop(`${gateway.url}${ROUTES.ping}`, { connections: CONNECTIONS, seconds: 1 });
    const figures: Record<string, HttpRun> = {};
    for (const [name, path] of Object.entries(ROUTES)) {
      figures[name] = await httpClosedLoop(`${gateway.url}${path}`, {
        connections: CONNECTIONS,
        seconds: SECONDS,
      });
      console.log(`${name}: ${JSON.stringify(figures[name])} load ${loadavg()[0]?.toFixed(1)}`);
    }
    console.log(JSON.stringify(figures));
  } finally {
    await gateway?.stop();
    await run.teardown();
  }
}

await main();
