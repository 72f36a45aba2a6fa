/**
 * `npm run bench:gateway-server`: the trading gateway's HTTP server chosen by measurement.
 * Fastify against Node's own `node:http` (uWebSockets.js is not on the npm registry), each a
 * small server (gateway-server-candidate.ts) answering `GET /api/v3/ping` and
 * `GET /api/v3/depth?limit=100` from a 200-level book in Redis. A closed loop of
 * BENCH_CONNECTIONS (50) keep-alive connections drives each route for BENCH_SECONDS (5) after a
 * warm-up; BENCH_ROUNDS (3) paired rounds alternate which server goes first. Prints each run,
 * then the medians; the last line is one JSON object.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { Agent, request } from "node:http";
import { loadavg } from "node:os";
import { join } from "node:path";
import { freePort } from "@exchange/protocol/testing";
import { Redis } from "ioredis";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const DEPTH_KEY = `bench-gateway-server:${process.pid}:depth`;
const KINDS = ["fastify", "node-http"] as const;
const ROUTES = { ping: "/api/v3/ping", depth: "/api/v3/depth?limit=100" } as const;

interface Run {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

async function seedBook(redis: Redis): Promise<void> {
  const fields: Record<string, string> = { seq: "12345" };
  for (let i = 0; i < 100; i++) {
    const bid = 50_000 - i;
    const ask = 50_001 + i;
    fields[`b:${String(bid * 100).padStart(40, "0")}`] = `${bid}.00:0.${i + 1}`;
    fields[`a:${String(ask * 100).padStart(40, "0")}`] = `${ask}.00:0.${i + 1}`;
  }
  await redis.hset(DEPTH_KEY, fields);
}

async function startCandidate(kind: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "gateway-server-candidate.ts"), kind, `${port}`],
    {
      env: { ...process.env, REDIS_URL, BENCH_DEPTH_KEY: DEPTH_KEY },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await once(child.stdout as NodeJS.ReadableStream, "data");
  return child;
}

function get(agent: Agent, port: number, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent }, (response) => {
      response.resume();
      response.on("end", () =>
        response.statusCode === 200 ? resolve() : reject(new Error(`${response.statusCode}`)),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** CONNECTIONS loops, each sending its next request when the last is answered. */
async function closedLoop(port: number, path: string, seconds: number): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  const endAt = performance.now() + seconds * 1_000;
  const loop = async () => {
    while (performance.now() < endAt) {
      const started = performance.now();
      await get(agent, port, path);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((latencies[Math.floor(q * (latencies.length - 1))] ?? 0) * 100) / 100;
  return {
    requestsPerSec: Math.round(latencies.length / seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const redis = new Redis(REDIS_URL);
  await seedBook(redis);
  const runs: Record<string, Run[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? KINDS : [...KINDS].reverse();
    for (const kind of order) {
      const port = await freePort();
      const child = await startCandidate(kind, port);
      await closedLoop(port, ROUTES.ping, 1);
      for (const [route, path] of Object.entries(ROUTES)) {
        const run = await closedLoop(port, path, SECONDS);
        const name = `${kind} ${route}`;
        runs[name] = [...(runs[name] ?? []), run];
        console.log(
          `round ${round + 1} ${kind} ${route}: ${JSON.stringify(run)} load ${loadavg()[0]?.toFixed(1)}`,
        );
      }
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  }
  await redis.del(DEPTH_KEY);
  await redis.quit();
  const medians = Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [
      name,
      {
        requestsPerSec: median(list.map((r) => r.requestsPerSec)),
        p99Ms: median(list.map((r) => r.p99Ms)),
      },
    ]),
  );
  console.log(JSON.stringify(medians));
}

await main();
