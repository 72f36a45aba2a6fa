/**
 * `npm run bench:gateway`: signed `POST /api/v3/order` through the real trading gateway and the
 * real engine (with the worker projecting, as in production), on a run of its own (the seed's
 * markets). BENCH_USERS (200) traders each have an HMAC key and funds; each signs its orders as
 * a Binance client does (HMAC-SHA256 over the form body) on a keep-alive connection of its own.
 * The orders cross at one price, so the book stays small and every order trades.
 * 1. Closed loop: every trader sends its next order when the last is answered, BENCH_SECONDS
 *    (10): orders per second, with each process's share of a core.
 * 2. Open loop at BENCH_RATE (2 000) orders per second for BENCH_RATE_SECONDS (5): latency.
 * BENCH_PROFILE=1 writes the gateway's CPU profile to /tmp/bench-gateway-profile.
 * The last line is one JSON object: {"ordersPerSec":…,"p99MsAt2k":…,…}.
 */
import { createHmac } from "node:crypto";
import { Agent, request } from "node:http";
import { sealSecret } from "@exchange/db/secret-box";
import { newApiKeyId, newHmacSecret } from "@exchange/domains/api-keys/api-key-material";
import { insertApiKey } from "@exchange/domains/api-keys/api-key-repository";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices, type Services } from "@exchange/domains/services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { EngineProcess, GatewayProcess } from "@exchange/testkit";
import { provisionTestRun } from "../lib/test-run";
import { profileArgs, startWorker } from "./lib/bench-services";
import { meterCpu } from "./lib/process-cpu";

const USERS = Number(process.env.BENCH_USERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 2_000);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 5);
const UNLIMITED = "1000000000";

const run = await provisionTestRun("benchgwo", { seed: true });

interface Trader {
  apiKey: string;
  secret: string;
  ip: string;
  side: "BUY" | "SELL";
}

/** USERS traders with an HMAC key each (READ + TRADE) and plenty of both assets. */
async function createTraders(s: Services): Promise<Trader[]> {
  const traders: Trader[] = [];
  for (let i = 0; i < USERS; i++) {
    const user = await createTestUser(s.db, { tag: `bench-${i}`, kycLevel: 1 });
    const secret = newHmacSecret();
    const apiKey = newApiKeyId();
    await insertApiKey(s.db, {
      userId: user.id,
      label: "bench",
      kind: "HMAC",
      apiKey,
      secretEncrypted: sealSecret(s.twoFactorKey as Buffer, secret),
      publicKey: null,
      permissions: ["READ", "TRADE"],
      ipAllowList: [],
      expiresAt: null,
      createdAt: new Date(),
    });
    for (const [asset, atoms] of [
      ["BTC", 10_000n * 10n ** 8n],
      ["USDT", 100_000_000n * 10n ** 6n],
    ] as const) {
      await s.engine.send({
        type: "balance.deposit",
        id: `bench-deposit:${user.id}:${asset}`,
        ts: Date.now(),
        business: "bench-deposit",
        businessId: `${user.id}:${asset}`,
        userId: user.id,
        asset,
        amountAtoms: atoms,
      });
    }
    traders.push({ apiKey, secret, ip: `10.9.${i >> 8}.${i & 255}`, side: i % 2 ? "SELL" : "BUY" });
  }
  return traders;
}

/** Signed order requests on keep-alive connections. */
class OrderClient {
  private readonly agent: Agent;
  private readonly url: URL;

  constructor(baseUrl: string, connections: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
    this.url = new URL("/api/v3/order", baseUrl);
  }

  /** Places one order; resolves with its latency in ms, or rejects on anything but 200. */
  place(trader: Trader): Promise<number> {
    const params = `symbol=BTCUSDT&side=${trader.side}&type=LIMIT&timeInForce=GTC&price=50000&quantity=0.001&newOrderRespType=RESULT&timestamp=${Date.now()}`;
    const signature = createHmac("sha256", trader.secret).update(params).digest("hex");
    const body = `${params}&signature=${signature}`;
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        this.url,
        {
          method: "POST",
          agent: this.agent,
          headers: {
            "x-mbx-apikey": trader.apiKey,
            "x-forwarded-for": trader.ip,
            "content-type": "application/x-www-form-urlencoded",
            "content-length": Buffer.byteLength(body),
          },
        },
        (response) => {
          let text = "";
          response.on("data", (chunk) => {
            text += chunk;
          });
          response.on("end", () =>
            response.statusCode === 200
              ? resolve(performance.now() - started)
              : reject(new Error(`${response.statusCode} ${text}`)),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function percentiles(latencies: number[]) {
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(
      (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 100,
    ) / 100;
  return { p50: at(0.5), p99: at(0.99), p999: at(0.999) };
}

/** Every trader sends its next order as soon as its last is answered, for `seconds`. */
async function closedLoop(client: OrderClient, traders: Trader[], seconds: number) {
  const latencies: number[] = [];
  let refused = 0;
  let firstRefusal: string | undefined;
  const endAt = performance.now() + seconds * 1_000;
  const lane = async (trader: Trader) => {
    while (performance.now() < endAt) {
      await client.place(trader).then(
        (ms) => void latencies.push(ms),
        (error: Error) => {
          refused++;
          firstRefusal ??= error.message;
        },
      );
    }
  };
  await Promise.all(traders.map(lane));
  if (firstRefusal) console.log(`first refusal: ${firstRefusal}`);
  return {
    ordersPerSec: Math.round(latencies.length / seconds),
    refused,
    ...percentiles(latencies),
  };
}

/** `perSecond` orders a second on a fixed schedule (2 ms ticks), whatever the answers do. */
async function openLoop(
  client: OrderClient,
  traders: Trader[],
  perSecond: number,
  seconds: number,
) {
  const latencies: number[] = [];
  let refused = 0;
  const reasons = new Map<string, number>();
  const total = perSecond * seconds;
  const tickMs = 2;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  let issued = 0;
  while (issued < total) {
    const due = Math.min(
      total,
      Math.floor(((performance.now() - started) / tickMs + 1) * ((perSecond * tickMs) / 1000)),
    );
    for (; issued < due; issued++) {
      const trader = traders[issued % traders.length] as Trader;
      pending.push(
        client.place(trader).then(
          (ms) => void latencies.push(ms),
          (error: Error) => {
            refused++;
            const why = error.message.slice(0, 40);
            reasons.set(why, (reasons.get(why) ?? 0) + 1);
          },
        ),
      );
    }
    await new Promise((r) => setTimeout(r, tickMs));
  }
  await Promise.all(pending);
  if (refused > 0) console.log(`refusals: ${JSON.stringify(Object.fromEntries(reasons))}`);
  return { refused, ...percentiles(latencies) };
}

function processGroups(gw: GatewayProcess) {
  const database = new URL(run.databaseUrl).pathname.slice(1);
  return [
    { name: "gateway", matches: (pid: number) => pid === gw.pid },
    { name: "engine", matches: (pid: number) => pid === engine.child.pid },
    { name: "worker", matches: (pid: number) => pid === worker.pid },
    { name: "clients", matches: (pid: number) => pid === process.pid },
    { name: "postgres", matches: (_: number, line: string) => line.includes(` ${database} `) },
    { name: "redis", matches: (_: number, line: string) => line.startsWith("redis-server") },
  ];
}

const sandbox = {
  databaseUrl: run.databaseUrl,
  redisUrl: run.redisUrl,
  redisPrefix: run.redisPrefix,
};
const engine = await EngineProcess.start(sandbox);
const worker = startWorker(run);
const services = await createServices({ ...sandbox, twoFactorKey: run.twoFactorKey });
let gateway: GatewayProcess | undefined;
try {
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const traders = await createTraders(services);
  gateway = await GatewayProcess.start(
    { ...sandbox },
    {
      TWO_FACTOR_KEY: run.twoFactorKey,
      TRUSTED_PROXY_HOPS: "1",
      GATEWAY_WEIGHT_PER_MINUTE: UNLIMITED,
      ORDER_RATE_PLACE_PER_SECOND: UNLIMITED,
      ORDER_RATE_PLACE_PER_MINUTE: UNLIMITED,
    },
    profileArgs("/tmp/bench-gateway-profile"),
  );
  const client = new OrderClient(gateway.url, USERS);
  await closedLoop(client, traders, 2); // warm-up: JIT, connections, every key read once
  const cpu = meterCpu(processGroups(gateway));
  const sustained = await closedLoop(client, traders, SECONDS);
  const cpuCores = cpu.stop();
  console.log(
    `closed loop, ${USERS} keys: ${sustained.ordersPerSec} orders/s (p50 ${sustained.p50} ms, ` +
      `p99 ${sustained.p99} ms), refused ${sustained.refused}`,
  );
  console.log(`cpu (cores): ${JSON.stringify(cpuCores)}`);
  const atRate = await openLoop(client, traders, RATE, RATE_SECONDS);
  console.log(
    `open loop at ${RATE}/s: p50 ${atRate.p50} ms, p99 ${atRate.p99} ms, p99.9 ${atRate.p999} ms, refused ${atRate.refused}`,
  );
  client.close();
  console.log(
    JSON.stringify({
      ordersPerSec: sustained.ordersPerSec,
      p99MsAt2k: atRate.p99,
      p50MsAt2k: atRate.p50,
      p999MsAt2k: atRate.p999,
      closedLoopP99Ms: sustained.p99,
      keys: USERS,
      cpuCores,
    }),
  );
} finally {
  await gateway?.stop();
  await closeServices(services);
  if (worker.exitCode === null) worker.kill("SIGTERM");
  await engine.stop();
  await run.teardown();
}
