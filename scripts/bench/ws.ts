/**
 * `npm run bench:ws`: many WebSocket subscribers over several markets while trades flow through
 * the real pipeline — bench → Redis → engine → Postgres journal → engine.events → worker
 * (market-data job) → Redis pub/sub → gateway(s) → clients — in a database and Redis prefix of
 * its own. Each client subscribes to one market's trades, depth and ticker (clients spread
 * evenly over markets and gateways); every trade is a maker order resting and a taker order
 * lifting it, so each one sends depth diffs and one trade to every client of its market. The
 * markets trade independently, one after the other, evenly spaced. Latency is measured at the
 * client, from the command's timestamp (the bench's clock when it sent the command that made
 * the trade or the book change) to the moment the frame is handled — it includes the engine's
 * journal write, the worker, Redis, the gateway and the client's own queue. The clients run in
 * processes of their own (scripts/bench/ws-clients.ts), so that measuring does not queue
 * behind itself; their CPU is printed beside the gateways'.
 * The last line is one JSON object with the figures.
 *
 * Knobs (environment): BENCH_WS_CLIENTS (10000), BENCH_WS_MARKETS (4),
 * BENCH_WS_TRADES_PER_SEC (2, per market), BENCH_WS_SECONDS (20), BENCH_WS_GATEWAYS (1),
 * BENCH_WS_CLIENT_PROCESSES (2). BENCH_PROFILE=1 writes CPU profiles of the gateways and the
 * worker to /tmp/bench-ws-profile.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { Command } from "@exchange/core";
import { EngineClient } from "@exchange/protocol";
import { freePort } from "@exchange/protocol/testing";
import { EngineProcess, referenceCommands } from "@exchange/testkit";
import pg from "pg";
import { provisionTestRun } from "../lib/test-run";
import {
  type ClientsConfig,
  type ClientsReport,
  clientsEnv,
  DEPTH_KEY_STRIDE,
  type FrameTimes,
} from "./ws-clients";

const CLIENTS = Number(process.env.BENCH_WS_CLIENTS ?? 10_000);
const MARKETS = Number(process.env.BENCH_WS_MARKETS ?? 4);
const TRADES_PER_SEC = Number(process.env.BENCH_WS_TRADES_PER_SEC ?? 2);
const SECONDS = Number(process.env.BENCH_WS_SECONDS ?? 20);
const GATEWAYS = Number(process.env.BENCH_WS_GATEWAYS ?? 1);
const CLIENT_PROCESSES = Number(process.env.BENCH_WS_CLIENT_PROCESSES ?? 2);
const PROFILE_ARGS = process.env.BENCH_PROFILE
  ? ["--cpu-prof", "--cpu-prof-dir=/tmp/bench-ws-profile"]
  : [];
const WARM_UP_MS = 3_000;
const QUOTE = "USDT";
/** Base assets of the markets, BTC first (the engine's reference market). */
const BASES = ["BTC", "ETH", "SOL", "XRP", "ADA", "DOT", "LTC", "BNB"];
if (MARKETS < 1 || MARKETS > BASES.length)
  throw new Error(`BENCH_WS_MARKETS must be 1 to ${BASES.length}`);
const SYMBOLS = BASES.slice(0, MARKETS).map((base) => `${base}${QUOTE}`);
const ROOT = join(import.meta.dirname, "..", "..");
const MAKER = 1;
const TAKER = 2;

ensureFileLimit(CLIENTS + 2_000);

const run = await provisionTestRun("benchws", { seed: false });
const sandbox = {
  databaseUrl: run.databaseUrl,
  redisUrl: run.redisUrl,
  redisPrefix: run.redisPrefix,
};
const children: ChildProcess[] = [];
let engine: EngineProcess | undefined;
let client: EngineClient | undefined;

try {
  await insertMarketRows(run.databaseUrl);
  engine = await EngineProcess.start(sandbox);
  client = await EngineClient.connect({
    redisUrl: run.redisUrl,
    prefix: run.redisPrefix,
    defaultTimeoutMs: 30_000,
  });
  const engineClient = client;
  for (const command of [...referenceCommands(), ...extraMarketCommands()])
    await engineClient.send(command);
  await fundAndSeedBooks(engineClient);

  const worker = startChild(
    "worker",
    "apps/worker/src/main.ts",
    {
      RECONCILE_EVERY_MS: "3600000",
      DEMO_MARKET_MAKER: "off",
      LOG_LEVEL: "info",
    },
    { profile: true },
  );
  await waitForLine(worker, /"market data started"/);
  const ports: number[] = [];
  const gatewayPids: Array<number | undefined> = [];
  for (let i = 0; i < GATEWAYS; i++) {
    const port = await freePort();
    const gateway = startChild(
      `gateway${i}`,
      "apps/stream/src/main.ts",
      {
        STREAM_PORT: String(port),
        STREAM_HOST: "127.0.0.1",
        STREAM_TOKEN_SECRET: "bench-stream-token-secret",
        STREAM_HEARTBEAT_MS: "60000",
        // Every bench client connects from this machine's one address.
        STREAM_MAX_CONNECTIONS_PER_IP: String(CLIENTS),
        STREAM_MAX_CONNECTIONS: String(CLIENTS),
        LOG_LEVEL: "info",
      },
      { profile: true },
    );
    await waitForLine(gateway, /"gateway listening"/);
    ports.push(port);
    gatewayPids.push(gateway.pid);
  }

  const published = await tapEngineEvents(run.redisUrl, `${run.redisPrefix}engine.events`);
  const relayed = await tapWorkerPublishes(run.redisUrl, `${run.redisPrefix}stream:`);
  const connectStarted = performance.now();
  const measurers = await startMeasurers(ports);
  const connectMs = Math.round(performance.now() - connectStarted);
  console.log(
    `${CLIENTS} clients in ${CLIENT_PROCESSES} processes subscribed over ${GATEWAYS} gateway(s) to ${SYMBOLS.join(", ")} (@trades, @depth, @ticker) in ${connectMs} ms`,
  );

  // Warm up, then measure a steady flow.
  const flow = startTradeFlow(engineClient);
  await sleep(WARM_UP_MS);
  const processes = {
    engine: engine.child.pid,
    worker: worker.pid,
    gateways: gatewayPids,
    clients: measurers.pids,
    bench: process.pid,
  };
  const cpuBefore = cpuSeconds(processes);
  const machineBefore = machineCpu();
  measurers.measure(true);
  await sleep(SECONDS * 1_000);
  measurers.measure(false);
  const cpuAfter = cpuSeconds(processes);
  const machine = machineCpuSince(machineBefore);
  const load = loadavg().map((l) => Number(l.toFixed(1)));
  const cpuPercent = Object.fromEntries(
    Object.keys(cpuBefore).map((name) => [
      name,
      Math.round((((cpuAfter[name] ?? 0) - (cpuBefore[name] ?? 0)) / SECONDS) * 100),
    ]),
  );
  const tradesMade = await flow.stop();
  await sleep(1_000);
  await published.stop();
  relayed.stop();
  const reports = await measurers.report();

  const frames = mergeReports(reports);
  const fromCommand = {
    trades: frames.latencies("trades"),
    depth: frames.latencies("depth"),
  };
  const fromPublish = {
    trades: frames.latencies("trades", (key) => published.tradeAt.get(key)),
    depth: frames.latencies("depth", (key) => published.bookSeqAt.get(key)),
  };
  const fromWorker = {
    trades: frames.latencies("trades", (key) => relayed.tradeAt.get(key)),
    depth: frames.latencies("depth", (key) => relayed.bookSeqAt.get(key)),
  };
  const all = fromCommand.trades.plus(fromCommand.depth);
  const allFromPublish = fromPublish.trades.plus(fromPublish.depth);
  const received = sumReceived(reports);
  const framesPerSec = Math.round(all.count / SECONDS);
  console.log(
    `flow: ${tradesMade} trades over ${MARKETS} markets in ${SECONDS + WARM_UP_MS / 1000} s; measured ${fromCommand.trades.count} trade frames and ${fromCommand.depth.count} depth diffs (${framesPerSec} frames/s to clients)`,
  );
  for (const [name, values] of Object.entries(fromCommand))
    console.log(`${name} from command ts: ${values.summary()}`);
  for (const [name, values] of Object.entries(fromPublish))
    console.log(`${name} from engine.events publish: ${values.summary()}`);
  const workerLag = {
    trades: lagBetween(published.tradeAt, relayed.tradeAt),
    depth: lagBetween(published.bookSeqAt, relayed.bookSeqAt),
  };
  for (const [name, values] of Object.entries(workerLag))
    console.log(`${name}, engine.events → worker's PUBLISH: ${values.summary()}`);
  for (const [name, values] of Object.entries(fromWorker))
    console.log(`${name}, worker's PUBLISH → client (gateway + client): ${values.summary()}`);
  console.log(`sequence gaps seen by clients: ${received.gaps}`);
  console.log(
    `CPU while measuring (% of one core): ${Object.entries(cpuPercent)
      .map(([name, percent]) => `${name} ${percent}`)
      .join(", ")}; load average ${load.join(" ")}`,
  );
  console.log(
    `machine CPU while measuring (% of all cores): ${Object.entries(machine)
      .map(([name, percent]) => `${name} ${percent}`)
      .join(", ")}`,
  );
  console.log(
    JSON.stringify({
      subscribers: CLIENTS,
      markets: SYMBOLS,
      gateways: GATEWAYS,
      clientProcesses: CLIENT_PROCESSES,
      tradesPerSecPerMarket: TRADES_PER_SEC,
      seconds: SECONDS,
      framesPerSec,
      p50Ms: all.pct(0.5),
      p99Ms: all.pct(0.99),
      p999Ms: all.pct(0.999),
      maxMs: all.max(),
      p50MsFromPublish: allFromPublish.pct(0.5),
      p99MsFromPublish: allFromPublish.pct(0.99),
      maxMsFromPublish: allFromPublish.max(),
      p99MsTrades: fromCommand.trades.pct(0.99),
      p99MsDepth: fromCommand.depth.pct(0.99),
      p99MsWorker: workerLag.trades.plus(workerLag.depth).pct(0.99),
      depthGaps: received.gaps,
      connectMs,
      cpuPercent,
      machineCpuPercent: machine,
      loadAverage: load,
    }),
  );
} finally {
  await client?.close();
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(
    children.map((child) => (child.exitCode === null ? once(child, "exit") : null)),
  );
  await engine?.stop();
  await run.teardown();
}

/** Assets and markets as rows (the worker formats with them): all like the reference market. */
async function insertMarketRows(databaseUrl: string): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // referenceCommands(): BTC 8 places, USDT 6; tick 0.01 USDT, lot 0.0001 BTC.
    await db.query(
      `INSERT INTO assets (code, name, precision) VALUES ('${QUOTE}', 'Tether USD', 6)`,
    );
    for (const symbol of SYMBOLS) {
      const base = symbol.slice(0, -QUOTE.length);
      await db.query(`INSERT INTO assets (code, name, precision) VALUES ($1, $1, 8)`, [base]);
      await db.query(
        `INSERT INTO markets (symbol, base_asset, quote_asset, price_tick, lot_size, min_qty, max_qty,
           min_notional, maker_fee_rate, taker_fee_rate, updated_at)
         VALUES ($1, $2, $3, 0.01, 0.0001, 0.0001, 100, 0.000001, 0.001, 0.002, now())`,
        [symbol, base, QUOTE],
      );
    }
  } finally {
    await db.end();
  }
}

/** The markets after the reference one (BTCUSDT), with the same scales and fees. */
function extraMarketCommands(): Command[] {
  const reference = referenceCommands().find((c) => c.type === "market.add");
  if (!reference) throw new Error("the reference commands add no market");
  return SYMBOLS.slice(1).flatMap((symbol): Command[] => {
    const base = symbol.slice(0, -QUOTE.length);
    return [
      { type: "asset.add", id: `bench-ws:asset:${base}`, ts: 1, code: base, precision: 8 },
      { ...reference, id: `bench-ws:market:${symbol}`, symbol, base, quote: QUOTE },
    ];
  });
}

/** Funds the two traders and rests twenty levels a side on every market, away from the trades. */
async function fundAndSeedBooks(engineClient: EngineClient): Promise<void> {
  const deposit = (userId: number, asset: string, amountAtoms: bigint): Command => ({
    type: "balance.deposit",
    id: `bench-ws:deposit:${userId}:${asset}`,
    ts: Date.now(),
    business: "deposit",
    businessId: `bench-ws:${userId}:${asset}`,
    userId,
    asset,
    amountAtoms,
  });
  for (const userId of [MAKER, TAKER]) {
    for (const symbol of SYMBOLS)
      await engineClient.send(deposit(userId, symbol.slice(0, -QUOTE.length), 10n ** 14n));
    await engineClient.send(deposit(userId, QUOTE, 10n ** 18n));
  }
  for (const symbol of SYMBOLS) {
    for (let i = 1; i <= 20; i++) {
      for (const side of ["buy", "sell"] as const) {
        await engineClient.send({
          type: "order.place",
          orderType: "limit",
          id: `bench-ws:level:${symbol}:${side}:${i}`,
          ts: Date.now(),
          userId: MAKER,
          symbol,
          side,
          priceTicks: side === "buy" ? 4_900_000n - BigInt(i) : 5_100_000n + BigInt(i),
          qtyLots: BigInt(i),
        });
      }
    }
  }
}

/**
 * TRADES_PER_SEC trades a second on every market, the markets taking turns at even spacing: a
 * maker rests a sell at 50 000 and a taker lifts it with an IOC buy — one trade and the depth
 * diffs of the level appearing and going.
 */
function startTradeFlow(engineClient: EngineClient) {
  let running = true;
  let trades = 0;
  let n = 0;
  const pending = new Set<Promise<unknown>>();
  const send = (command: Command) => {
    const sent = engineClient.send(command);
    pending.add(sent);
    void sent.finally(() => pending.delete(sent));
    return sent;
  };
  const loop = (async () => {
    const intervalMs = 1_000 / TRADES_PER_SEC / MARKETS;
    const started = performance.now();
    while (running) {
      n++;
      const common = {
        type: "order.place",
        orderType: "limit",
        symbol: SYMBOLS[n % MARKETS] as string,
        priceTicks: 5_000_000n,
        qtyLots: 10n,
      } as const;
      // Both leave at once: the engine applies them in order, so the sell rests before the buy.
      void send({ ...common, id: `bench-ws:m${n}`, ts: Date.now(), userId: MAKER, side: "sell" });
      void send({
        ...common,
        id: `bench-ws:t${n}`,
        ts: Date.now(),
        userId: TAKER,
        side: "buy",
        timeInForce: "IOC",
      }).then((reply) => {
        if (reply.outcome.events.some((e) => e.type === "trade")) trades++;
      });
      const next = started + n * intervalMs;
      await sleep(Math.max(0, next - performance.now()));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await Promise.all(pending);
      return trades;
    },
  };
}

/**
 * Starts CLIENT_PROCESSES measuring processes, each with its share of the clients, and waits
 * until every client is subscribed.
 */
async function startMeasurers(ports: number[]) {
  const share = Math.ceil(CLIENTS / CLIENT_PROCESSES);
  const measurers: ChildProcess[] = [];
  for (let first = 0; first < CLIENTS; first += share) {
    const config: ClientsConfig = {
      ports,
      symbols: SYMBOLS,
      firstIndex: first,
      count: Math.min(share, CLIENTS - first),
    };
    measurers.push(
      startChild(`clients${measurers.length}`, "scripts/bench/ws-clients.ts", clientsEnv(config), {
        ipc: true,
      }),
    );
  }
  await Promise.all(measurers.map((m) => nextMessage(m, "ready")));
  return {
    pids: measurers.map((m) => m.pid),
    measure(on: boolean): void {
      for (const m of measurers) m.send({ type: "measure", on });
    },
    async report(): Promise<ClientsReport[]> {
      const reports = measurers.map((m) => nextMessage(m, "report"));
      for (const m of measurers) m.send({ type: "report" });
      return (await Promise.all(reports)) as ClientsReport[];
    },
  };
}

function nextMessage(child: ChildProcess, type: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string; message?: string }) => {
      if (message.type === "failed") reject(new Error(`measuring clients: ${message.message}`));
      if (message.type !== type) return;
      child.off("message", onMessage);
      resolve(message);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`measuring clients exited (${code})`)));
  });
}

function sumReceived(reports: ClientsReport[]): ClientsReport["received"] {
  const total = { trades: 0, depth: 0, snapshots: 0, tickers: 0, gaps: 0 };
  for (const { received } of reports)
    for (const name of Object.keys(total) as Array<keyof typeof total>)
      total[name] += received[name];
  return total;
}

/** The frames every measuring process saw, merged by kind and key. */
function mergeReports(reports: ClientsReport[]) {
  const byKind = { trades: [] as FrameTimes, depth: [] as FrameTimes };
  for (const report of reports) {
    byKind.trades.push(...report.trades);
    byKind.depth.push(...report.depth);
  }
  return {
    /** Latencies of one kind, from the command's timestamp or from `origin(key)` when given. */
    latencies(kind: "trades" | "depth", origin?: (key: number) => number | undefined): Histogram {
      const histogram = createHistogram();
      for (const [key, commandMs, counts] of byKind[kind]) {
        const from = origin ? origin(key) : commandMs;
        if (from === undefined) continue;
        for (const [atMs, clients] of counts) histogram.add(atMs - from, clients);
      }
      return histogram;
    },
  };
}

/**
 * Counts of whole milliseconds (every latency here is a difference of two Date.now()). A
 * function, not a class: the bench's top-level code runs before a class below it is defined.
 */
function createHistogram(): Histogram {
  const counts = new Map<number, number>();
  const histogram: Histogram = {
    count: 0,
    counts,
    add(ms: number, times = 1): void {
      counts.set(ms, (counts.get(ms) ?? 0) + times);
      histogram.count += times;
    },
    plus(other: Histogram): Histogram {
      const sum = createHistogram();
      for (const source of [counts, other.counts])
        for (const [ms, times] of source) sum.add(ms, times);
      return sum;
    },
    pct(q: number): number {
      if (histogram.count === 0) return 0;
      const rank = Math.min(histogram.count - 1, Math.floor(q * histogram.count));
      let seen = 0;
      for (const ms of [...counts.keys()].sort((a, b) => a - b)) {
        seen += counts.get(ms) ?? 0;
        if (seen > rank) return ms;
      }
      return 0;
    },
    max(): number {
      return histogram.count === 0 ? 0 : Math.max(...counts.keys());
    },
    summary(): string {
      return `p50 ${histogram.pct(0.5)} ms, p99 ${histogram.pct(0.99)} ms, p99.9 ${histogram.pct(0.999)} ms, max ${histogram.max()} ms (${histogram.count} frames)`;
    },
  };
  return histogram;
}
interface Histogram {
  count: number;
  readonly counts: ReadonlyMap<number, number>;
  add(ms: number, times?: number): void;
  plus(other: Histogram): Histogram;
  pct(q: number): number;
  max(): number;
  summary(): string;
}

/** Market index times DEPTH_KEY_STRIDE plus the book sequence: the clients' depth key. */
function depthKey(symbol: string, seq: number): number {
  return SYMBOLS.indexOf(symbol) * DEPTH_KEY_STRIDE + seq;
}

/**
 * Reads engine.events alongside the worker, to learn when the engine published each trade and
 * each book change (the stream entry's id is Redis's clock at the XADD).
 */
async function tapEngineEvents(redisUrl: string, stream: string) {
  const { Redis } = await import("ioredis");
  const redis = new Redis(redisUrl);
  const tradeAt = new Map<number, number>();
  const bookSeqAt = new Map<number, number>();
  let running = true;
  let cursor = "$";
  const loop = (async () => {
    while (running) {
      const result = (await redis.xread("BLOCK", 200, "STREAMS", stream, cursor)) as Array<
        [string, Array<[string, string[]]>]
      > | null;
      for (const [id, fields] of result?.[0]?.[1] ?? []) {
        cursor = id;
        const publishedMs = Number(id.slice(0, id.indexOf("-")));
        const batch = JSON.parse(fields[1] ?? "{}") as {
          results?: Array<{ outcome: { events: Array<Record<string, unknown>> } }>;
        };
        for (const result of batch.results ?? []) {
          for (const event of result.outcome.events) {
            if (event.type === "trade") tradeAt.set(event.tradeId as number, publishedMs);
            if (event.type === "book.levelChanged" && SYMBOLS.includes(event.symbol as string))
              bookSeqAt.set(depthKey(event.symbol as string, event.seq as number), publishedMs);
          }
        }
      }
    }
  })();
  return {
    tradeAt,
    bookSeqAt,
    async stop() {
      running = false;
      await loop;
      redis.disconnect();
    },
  };
}

/**
 * Subscribes to the markets' bus channels like a gateway does, to learn when the worker
 * published each trade and diff (this machine's clock, as for the clients).
 */
async function tapWorkerPublishes(redisUrl: string, channelPrefix: string) {
  const { Redis } = await import("ioredis");
  const redis = new Redis(redisUrl);
  const tradeAt = new Map<number, number>();
  const bookSeqAt = new Map<number, number>();
  const tradeIdKey = Buffer.from('"tradeId":');
  const lastSeqKey = Buffer.from('"lastSeq":');
  redis.on("messageBuffer", (channelBytes: Buffer, message: Buffer) => {
    const now = Date.now();
    const channel = channelBytes.toString().slice(channelPrefix.length);
    const [symbol, topic] = channel.split("@") as [string, string];
    if (topic === "trades") tradeAt.set(integerAfter(message, tradeIdKey), now);
    else bookSeqAt.set(depthKey(symbol, integerAfter(message, lastSeqKey)), now);
  });
  await redis.subscribe(
    ...SYMBOLS.flatMap((s) => [`${channelPrefix}${s}@trades`, `${channelPrefix}${s}@depth`]),
  );
  return { tradeAt, bookSeqAt, stop: () => redis.disconnect() };
}

function lagBetween(from: Map<number, number>, to: Map<number, number>): Histogram {
  const lags = createHistogram();
  for (const [key, at] of to) {
    const start = from.get(key);
    if (start !== undefined) lags.add(at - start);
  }
  return lags;
}

/** The non-negative integer after `key` in `data` (a millisecond time or a sequence). */
function integerAfter(data: Buffer, key: Buffer): number {
  let at = data.indexOf(key) + key.length;
  let value = 0;
  for (let c = data[at]; c !== undefined && c >= 0x30 && c <= 0x39; c = data[++at])
    value = value * 10 + (c - 0x30);
  return value;
}

/** CPU seconds (user + system) each process has used so far, from /proc (Linux). */
function cpuSeconds(pids: Record<string, number | undefined | Array<number | undefined>>) {
  const ticksPerSecond = 100;
  const read = (pid: number | undefined) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    } catch {
      return 0;
    }
  };
  const out: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids))
    out[name] = Array.isArray(pid) ? pid.reduce<number>((sum, p) => sum + read(p), 0) : read(pid);
  return out;
}

/** The machine's CPU time so far, by kind, in clock ticks (/proc/stat, all cores). */
function machineCpu(): number[] {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  return line.trim().split(/\s+/).slice(1).map(Number);
}

/**
 * Shares of all cores since `before`: user, system, softirq (where the kernel delivers loopback
 * TCP — on one machine, the clients' receiving is paid here) and idle.
 */
function machineCpuSince(before: number[]): Record<string, number> {
  const after = machineCpu();
  const delta = after.map((v, i) => v - (before[i] ?? 0));
  const total = delta.reduce((a, b) => a + b, 0) || 1;
  const share = (...indexes: number[]) =>
    Math.round((indexes.reduce((sum, i) => sum + (delta[i] ?? 0), 0) / total) * 100);
  return { user: share(0, 1), system: share(2), softirq: share(5, 6), idle: share(3, 4) };
}

function startChild(
  name: string,
  main: string,
  extraEnv: Record<string, string>,
  options: { ipc?: boolean; profile?: boolean } = {},
): ChildProcess {
  const limit = fileLimits().hard;
  const nodeArgs = options.profile ? PROFILE_ARGS.join(" ") : "";
  // `ulimit` raises the soft limit of open files up to the hard one for the child alone.
  const child = spawn(
    "/bin/sh",
    [
      "-c",
      `ulimit -n ${limit}; exec "$0" ${nodeArgs} --import tsx "$1"`,
      process.execPath,
      join(ROOT, main),
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: run.databaseUrl,
        REDIS_URL: run.redisUrl,
        REDIS_PREFIX: run.redisPrefix,
        ...extraEnv,
      },
      stdio: options.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
    },
  );
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line) continue;
      lines.push(line);
      if (/"level":"(warn|error)"/.test(line)) console.log(`[${name}] ${line}`);
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", (chunk: Buffer) => console.error(`[${name}] ${chunk}`));
  Object.assign(child, { lines });
  children.push(child);
  return child;
}

async function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs = 60_000,
): Promise<void> {
  const lines = (child as ChildProcess & { lines: string[] }).lines;
  const deadline = Date.now() + timeoutMs;
  while (!lines.some((line) => pattern.test(line))) {
    if (child.exitCode !== null)
      throw new Error(`child exited before ${pattern}:\n${lines.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`child never logged ${pattern}`);
    await sleep(50);
  }
}

function fileLimits(): { soft: number; hard: number } {
  const [soft, hard] = execFileSync("/bin/sh", ["-c", "ulimit -Sn; ulimit -Hn"])
    .toString()
    .trim()
    .split("\n")
    .map((v) => (v === "unlimited" ? Number.MAX_SAFE_INTEGER : Number(v)));
  return { soft: soft ?? 1_024, hard: hard ?? 1_024 };
}

/**
 * Node cannot raise its own limit of open files; when the clients need more than the soft
 * limit allows, the bench runs itself again under a shell that raises it (up to the hard limit).
 */
function ensureFileLimit(needed: number): void {
  const { soft, hard } = fileLimits();
  if (soft >= needed) return;
  if (process.env.BENCH_WS_RAISED || hard < needed) {
    throw new Error(`need ${needed} open files; the limit is ${soft} (hard ${hard})`);
  }
  execFileSync(
    "/bin/sh",
    [
      "-c",
      `ulimit -n ${hard} && exec "$0" "$@"`,
      process.execPath,
      ...process.execArgv,
      ...process.argv.slice(1),
    ],
    { stdio: "inherit", env: { ...process.env, BENCH_WS_RAISED: "1" } },
  );
  process.exit(0);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
