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
import { loadavg } from "node:os";
import { join } from "node:path";
import { freePort } from "@exchange/protocol/testing";
import { Redis } from "ioredis";
import { type HttpRun, httpClosedLoop } from "./lib/http-closed-loop";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const DEPTH_KEY = `bench-gateway-server:${process.pid}:depth`;
const KINDS = ["fastify", "node-http"] as const;
const ROUTES = { ping: "/api/v3/ping", depth: "/api/v3/depth?limit=100" } as const;

type Run = HttpRun;

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
      const base = `http://127.0.0.1:${port}`;
      await httpClosedLoop(`${base}${ROUTES.ping}`, { connections: CONNECTIONS, seconds: 1 });
      for (const [route, path] of Object.entries(ROUTES)) {
        const run = await httpClosedLoop(`${base}${path}`, {
          connections: CONNECTIONS,
          seconds: SECONDS,
        });
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
