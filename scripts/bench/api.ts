/**
 * `npm run bench:api`: placing orders through the trading API as browsers do — tRPC over HTTP
 * to a production build of the web app as it runs in production (apps/web/server.ts: a process
 * per core behind one port), each request carrying a real next-auth session cookie — with the
 * real engine and worker behind it, in a database and Redis prefix of its own. A closed loop of
 * CONCURRENCY clients, each placing one order per request (and a second run with BATCH orders
 * per HTTP request, as tRPC's batch link sends them), measures orders/s and per-order latency;
 * an open loop at STEADY_RATE orders/s measures latency at a fixed load. Knobs: BENCH_SECONDS
 * (each phase's length), BENCH_STEADY_RATE, BENCH_PROFILE=1, BENCH_PROBE=1. The last line is one
 * JSON object with the figures; the run stops every process it started.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  closeServices,
  createServices,
  issueTicket,
  registerUser,
  syncReferenceData,
} from "@exchange/api";
import { EngineProcess, WorkerProcess } from "@exchange/testkit";
import { randomSecret } from "../lib/dev-secrets";
import { provisionTestRun } from "../lib/test-run";

const ROOT = join(import.meta.dirname, "..", "..");
const PORT = 3020;
const WEB = `http://127.0.0.1:${PORT}`;
const USERS = 40;
const CONCURRENCY = 64;
const BATCH = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
/** The open-loop phase's fixed arrival rate (orders/s, one per request): the latency target's. */
const STEADY_RATE = Number(process.env.BENCH_STEADY_RATE ?? 500);

const run = await provisionTestRun("benchapi", { seed: true });
const sandbox = {
  databaseUrl: run.databaseUrl,
  redisUrl: run.redisUrl,
  redisPrefix: run.redisPrefix,
};
const secrets = {
  AUTH_SECRET: randomSecret(),
  STREAM_TOKEN_SECRET: randomSecret(),
  TWO_FACTOR_KEY: randomSecret(),
  // The web app requires a mail set-up; this benchmark never sends mail.
  SMTP_URL: "smtp://127.0.0.1:2525",
  MAIL_FROM: "Exchange bench <bench@example.test>",
  WEB_PUBLIC_URL: "http://127.0.0.1",
};
const children: ChildProcess[] = [];
/** Orders sent so far, across phases: each one's price offset follows from it. */
let ordersSent = 0;
let engine: EngineProcess | undefined;
let worker: WorkerProcess | undefined;

try {
  build();
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  const web = await startWeb();
  children.push(web);
  const sessions = await prepareTraders();

  if (process.env.BENCH_PROBE) await probe(sessions[0] ?? "");
  // Every process of the server compiles and optimises its code on the first requests: a short
  // unmeasured run first, so the phases measure the server as it runs.
  await closedLoop(sessions, (cookie) => placeOrders(cookie, 1), WARM_UP_SECONDS);
  const cpu = <T extends Phase>(phase: () => Promise<T>) => withServerCpu(web, phase);
  const single = await cpu(() => measure(sessions, 1));
  console.log(
    `one order per request: ${single.ordersPerSec} orders/s, p50 ${single.p50} ms, p99 ${single.p99} ms, server CPU ${single.serverCpuMs} ms/order, client ${single.clientCpuMs}`,
  );
  const batched = await cpu(() => measure(sessions, BATCH));
  console.log(
    `${BATCH} orders per request: ${batched.ordersPerSec} orders/s, p50 ${batched.p50} ms, p99 ${batched.p99} ms, server CPU ${batched.serverCpuMs} ms/order, client ${batched.clientCpuMs}`,
  );
  const steady = await cpu(() => measureOpenLoop(sessions, STEADY_RATE));
  console.log(
    `open loop at ${STEADY_RATE} orders/s: ${steady.ordersPerSec} orders/s answered, p50 ${steady.p50} ms, p99 ${steady.p99} ms, ${steady.failed} failed, server CPU ${steady.serverCpuMs} ms/order, client ${steady.clientCpuMs}`,
  );
  const ceiling = await cpu(() => measureCeiling(sessions));
  console.log(
    `ceiling, cached markets.list: ${ceiling.ordersPerSec} requests/s, p50 ${ceiling.p50} ms, p99 ${ceiling.p99} ms, server CPU ${ceiling.serverCpuMs} ms/request, client ${ceiling.clientCpuMs}`,
  );
  console.log(
    JSON.stringify({
      ordersPerSec: single.ordersPerSec,
      p50Ms: single.p50,
      p99Ms: single.p99,
      serverCpuMsPerOrder: single.serverCpuMs,
      clientCpuMsPerOrder: single.clientCpuMs,
      batchedOrdersPerSec: batched.ordersPerSec,
      batchedP50Ms: batched.p50,
      batchedP99Ms: batched.p99,
      steadyRate: STEADY_RATE,
      steadyP50Ms: steady.p50,
      steadyP99Ms: steady.p99,
      steadyFailed: steady.failed,
      ceilingRequestsPerSec: ceiling.ordersPerSec,
      ceilingP50Ms: ceiling.p50,
      ceilingP99Ms: ceiling.p99,
      ceilingServerCpuMs: ceiling.serverCpuMs,
      concurrency: CONCURRENCY,
      batch: BATCH,
    }),
  );
} finally {
  await Promise.all(children.map(stopGroup));
  await worker?.stop();
  await engine?.stop();
  await run.teardown();
}

function build(): void {
  const result = spawnSync(
    "npx",
    ["turbo", "run", "build", "--filter=@exchange/web", "--ui=stream"],
    {
      cwd: ROOT,
      stdio: "ignore",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  if (result.status !== 0) throw new Error("next build of apps/web failed");
}

async function startWeb(): Promise<ChildProcess> {
  // BENCH_PROFILE=1 writes a CPU profile of each web server process to /tmp/bench-api-profile on
  // exit (the cluster's workers inherit the flags).
  const profile = process.env.BENCH_PROFILE
    ? ["--cpu-prof", "--cpu-prof-dir=/tmp/bench-api-profile"]
    : [];
  const child = spawn(
    process.execPath,
    [
      ...profile,
      "--import",
      "tsx",
      join(ROOT, "apps", "web", "server.ts"),
      "--port",
      String(PORT),
      "--hostname",
      "127.0.0.1",
    ],
    {
      cwd: ROOT,
      // A process group of its own, so stopGroup ends the server and every process it forked.
      detached: true,
      stdio: process.env.BENCH_VERBOSE ? "inherit" : "ignore",
      env: {
        ...process.env,
        ...secrets,
        DATABASE_URL: run.databaseUrl,
        REDIS_URL: run.redisUrl,
        REDIS_PREFIX: run.redisPrefix,
        NODE_ENV: "production",
        // Each bench user places hundreds of orders a second: the throughput, not the limit, is
        // what this measures (the limit costs two Redis counters per order, which it includes).
        ORDER_RATE_PLACE_PER_SECOND: "1000000",
        ORDER_RATE_PLACE_PER_MINUTE: "1000000",
      },
    },
  );
  for (let attempt = 0; attempt < 200; attempt++) {
    if (
      await fetch(`${WEB}/api/auth/csrf`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the web server did not come up");
}

/** Registered, funded and logged-in traders: one session cookie each. */
async function prepareTraders(): Promise<string[]> {
  const services = await createServices({
    ...sandbox,
    streamTokenSecret: secrets.STREAM_TOKEN_SECRET,
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const cookies: string[] = [];
  for (let i = 0; i < USERS; i++) {
    const email = `bench-${i}@example.test`;
    const password = "bench-password-1";
    const user = await registerUser(services.db, { email, password });
    await services.db.user.update({
      where: { id: user.id },
      // Verified email and identity (KYC level 1): trading needs both.
      data: { emailVerifiedAt: new Date(), kycLevel: 1 },
    });
    for (const [asset, atoms] of [
      ["USDT", 10n ** 16n],
      ["BTC", 10n ** 12n],
    ] as const) {
      await services.engine.send({
        type: "balance.deposit",
        id: `bench-fund:${user.id}:${asset}`,
        ts: Date.now(),
        business: "bench",
        businessId: `${user.id}:${asset}`,
        userId: user.id,
        asset,
        amountAtoms: atoms,
      });
    }
    // The log-in steps are the web app's to exercise, not this benchmark's: sign in with a ticket.
    cookies.push(await logIn(await issueTicket(services, "user", user.id)));
  }
  await closeServices(services);
  return cookies;
}

async function logIn(ticket: string): Promise<string> {
  const csrf = await fetch(`${WEB}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${WEB}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, ticket }).toString(),
  });
  const session = response.headers
    .getSetCookie()
    .find((c) => c.startsWith("exchange-web.session-token="));
  if (!session) {
    throw new Error(
      `ticket log-in failed (${response.status} ${response.headers.get("location")})`,
    );
  }
  return session.split(";")[0] ?? "";
}

/**
 * Non-crossing limit orders a few ticks off 50 000, immediate-or-cancel: each one is accepted,
 * finds nothing to match and ends, so none runs out of funds and no trader reaches the market's
 * open-order limit (200) however many the run places.
 */
function orderInput(n: number) {
  const side = n % 2 === 0 ? "buy" : "sell";
  const offset = 1 + (n % 500);
  const price = side === "buy" ? 45_000 - offset : 55_000 + offset;
  return {
    symbol: "BTCUSDT",
    side,
    type: "limit",
    price: `${price}.00`,
    quantity: "0.001",
    timeInForce: "IOC",
  };
}

/** One tRPC request placing `batch` orders as `cookie`'s trader; returns how many it placed. */
async function placeOrders(cookie: string, batch: number): Promise<number> {
  const inputs = Array.from({ length: batch }, () => orderInput(ordersSent++));
  const path = Array.from({ length: batch }, () => "trading.placeOrder").join(",");
  const body = Object.fromEntries(inputs.map((input, i) => [i, { json: input }]));
  const response = await fetch(`${WEB}/api/trpc/${path}?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify(body),
  });
  const results = (await response.json()) as Array<{ result?: unknown; error?: unknown }>;
  for (const result of results) {
    if (!result.result) throw new Error(`order refused: ${JSON.stringify(result.error)}`);
  }
  return results.length;
}

/** Places `batch` orders per HTTP request from CONCURRENCY closed-loop clients. */
function measure(cookies: string[], batch: number) {
  return closedLoop(cookies, (cookie) => placeOrders(cookie, batch));
}

/**
 * Orders arriving at a fixed `rate` per second, one per request, whatever the answers: each
 * order's latency counts from when it was due, not from when it was sent, so a stalled server
 * shows in the figures instead of slowing the clients down (no coordinated omission).
 */
async function measureOpenLoop(cookies: string[], rate: number) {
  const total = Math.round(rate * SECONDS);
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const cookie = cookies[i % cookies.length] ?? "";
    inFlight.push(
      placeOrders(cookie, 1).then(
        () => void latencies.push(performance.now() - due),
        () => undefined,
      ),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  return { ...summary(latencies, latencies.length, seconds), failed: total - latencies.length };
}

/**
 * The web server's own ceiling: an authenticated tRPC query answered from memory (the market
 * directory is cached), so neither the engine nor the database is in the way.
 */
function measureCeiling(cookies: string[]) {
  return closedLoop(cookies, async (cookie) => {
    const response = await fetch(`${WEB}/api/trpc/markets.list`, { headers: { cookie } });
    if (!response.ok) throw new Error(`markets.list answered ${response.status}`);
    await response.arrayBuffer();
    return 1;
  });
}

/**
 * CONCURRENCY clients, each sending its next request when the previous one is answered, for
 * `seconds` (SECONDS unless told). `send` returns how many items (orders) its request carried;
 * each item's latency is its request's.
 */
async function closedLoop(
  cookies: string[],
  send: (cookie: string) => Promise<number>,
  seconds = SECONDS,
) {
  const latencies: number[] = [];
  let items = 0;
  const deadline = performance.now() + seconds * 1000;
  const client = async (lane: number) => {
    const cookie = cookies[lane % cookies.length] ?? "";
    while (performance.now() < deadline) {
      const started = performance.now();
      const count = await send(cookie);
      const elapsed = performance.now() - started;
      for (let i = 0; i < count; i++) latencies.push(elapsed);
      items += count;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, lane) => client(lane)));
  return summary(latencies, items, (performance.now() - started) / 1000);
}

/** What a phase measured: items (orders or requests) answered, their rate and latencies. */
interface Phase {
  items: number;
  ordersPerSec: number;
  p50: number;
  p99: number;
}

/** Throughput and latency quantiles (ms, two decimals) of one phase. */
function summary(latencies: number[], items: number, seconds: number): Phase {
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((latencies[Math.floor(q * (latencies.length - 1))] ?? 0) * 100) / 100;
  return { items, ordersPerSec: Math.round(items / seconds), p50: at(0.5), p99: at(0.99) };
}

/**
 * Runs a phase and adds the web server's CPU time per item answered (every process of its
 * group, user + system): a figure that holds when other work shares the machine, unlike rates.
 */
async function withServerCpu<T extends Phase>(server: ChildProcess, phase: () => Promise<T>) {
  const before = groupCpuMs(server.pid ?? 0);
  const clientBefore = process.cpuUsage();
  const result = await phase();
  const used = groupCpuMs(server.pid ?? 0) - before;
  const client = process.cpuUsage(clientBefore);
  const perItem = (ms: number) => Math.round((ms / Math.max(1, result.items)) * 1000) / 1000;
  return {
    ...result,
    serverCpuMs: perItem(used),
    clientCpuMs: perItem((client.user + client.system) / 1000),
  };
}

/** CPU time (ms) of the live processes of a process group, from /proc (Linux). */
function groupCpuMs(groupId: number): number {
  const ticksPerMs = 100 / 1000; // USER_HZ
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // Exited since the listing.
    }
    // Fields after the command (which may hold spaces): state ppid pgrp … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== groupId) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerMs;
}

/** BENCH_PROBE=1: sequential timings of single requests, to see where a request's time goes. */
async function probe(cookie: string) {
  const time = async (label: string, path: string, init: RequestInit = {}) => {
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      const response = await fetch(`${WEB}${path}`, {
        ...init,
        headers: { cookie, ...(init.headers ?? {}) },
      });
      await response.text();
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    console.log(`${label}: median ${samples[15]?.toFixed(1)} ms`);
  };
  await time("GET /api/auth/session", "/api/auth/session");
  await time("trpc markets.list", "/api/trpc/markets.list");
  await time("trpc trading.balances", "/api/trpc/trading.balances");
  await time("trpc trading.placeOrder", "/api/trpc/trading.placeOrder?batch=1", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ 0: { json: orderInput(1) } }),
  });
}

/**
 * Ends a child's whole process group (the server and any process it forked) and waits for the
 * child to exit, so its connections are closed before the run's databases are dropped; a group
 * still there after a few seconds is killed.
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (!pid || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
