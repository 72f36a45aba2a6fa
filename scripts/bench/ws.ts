/**
 * `npm run bench:ws`: many WebSocket subscribers on one market while trades flow through the
 * real pipeline — bench → Redis → engine → Postgres journal → engine.events → worker
 * (market-data job) → Redis pub/sub → gateway → clients — in a database and Redis prefix of
 * its own. Each client subscribes to the market's trades, depth and ticker; every trade is a
 * maker order resting and a taker order lifting it, so each one sends two depth diffs and one
 * trade to every client. Latency is measured at the client, from the command's timestamp (the
 * bench's clock when it sent the command that made the trade or the book change) to the
 * moment the frame is handled — it includes the engine's journal write, the worker, Redis and
 * the gateway, and the client's own queue.
 * The last line is one JSON object with the figures.
 *
 * Knobs (environment): BENCH_WS_CLIENTS (10000), BENCH_WS_TRADES_PER_SEC (2),
 * BENCH_WS_SECONDS (20), BENCH_WS_GATEWAYS (1).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { Command } from "@exchange/core";
import { EngineClient } from "@exchange/protocol";
import { freePort } from "@exchange/protocol/testing";
import { EngineProcess, referenceCommands } from "@exchange/testkit";
import pg from "pg";
import { provisionTestRun } from "../lib/test-run";

const CLIENTS = Number(process.env.BENCH_WS_CLIENTS ?? 10_000);
const TRADES_PER_SEC = Number(process.env.BENCH_WS_TRADES_PER_SEC ?? 2);
const SECONDS = Number(process.env.BENCH_WS_SECONDS ?? 20);
const GATEWAYS = Number(process.env.BENCH_WS_GATEWAYS ?? 1);
const WARM_UP_MS = 3_000;
const SYMBOL = "BTCUSDT";
const CHANNELS = [`${SYMBOL}@trades`, `${SYMBOL}@depth`, `${SYMBOL}@ticker`];
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
const sockets: Socket[] = [];
let engine: EngineProcess | undefined;
let client: EngineClient | undefined;

try {
  await insertReferenceRows(run.databaseUrl);
  engine = await EngineProcess.start(sandbox);
  client = await EngineClient.connect({
    redisUrl: run.redisUrl,
    prefix: run.redisPrefix,
    defaultTimeoutMs: 30_000,
  });
  const engineClient = client;
  for (const command of referenceCommands()) await engineClient.send(command);
  await fundAndSeedBook(engineClient);

  const worker = startChild("worker", "apps/worker/src/main.ts", {
    RECONCILE_EVERY_MS: "3600000",
    DEMO_MARKET_MAKER: "off",
    LOG_LEVEL: "info",
  });
  await waitForLine(worker, /"market data started"/);
  const ports: number[] = [];
  const gatewayPids: Array<number | undefined> = [];
  for (let i = 0; i < GATEWAYS; i++) {
    const port = await freePort();
    const gateway = startChild(`gateway${i}`, "apps/stream/src/main.ts", {
      STREAM_PORT: String(port),
      STREAM_HOST: "127.0.0.1",
      STREAM_TOKEN_SECRET: "bench-stream-token-secret",
      STREAM_HEARTBEAT_MS: "60000",
      // Every bench client connects from this machine's one address.
      STREAM_MAX_CONNECTIONS_PER_IP: String(CLIENTS),
      STREAM_MAX_CONNECTIONS: String(CLIENTS),
      LOG_LEVEL: "info",
    });
    await waitForLine(gateway, /"gateway listening"/);
    ports.push(port);
    gatewayPids.push(gateway.pid);
  }

  const frames = createFrameLog();
  const published = await tapEngineEvents(run.redisUrl, `${run.redisPrefix}engine.events`);
  const relayed = await tapWorkerPublishes(run.redisUrl, `${run.redisPrefix}stream:`);
  let measuring = false;
  const received = { trades: 0, depth: 0, snapshots: 0, tickers: 0, gaps: 0 };
  const connectStarted = performance.now();
  await connectClients(ports, frames, received, () => measuring);
  const connectMs = Math.round(performance.now() - connectStarted);
  console.log(`${CLIENTS} clients subscribed to ${CHANNELS.join(", ")} in ${connectMs} ms`);

  // Warm up, then measure a steady flow.
  const flow = startTradeFlow(engineClient);
  await sleep(WARM_UP_MS);
  const before = { ...received };
  const processes = {
    engine: engine.child.pid,
    worker: worker.pid,
    gateways: gatewayPids,
    bench: process.pid,
  };
  const cpuBefore = cpuSeconds(processes);
  const machineBefore = machineCpu();
  measuring = true;
  await sleep(SECONDS * 1_000);
  measuring = false;
  const cpuAfter = cpuSeconds(processes);
  const machine = machineCpuSince(machineBefore);
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
  const fromCommand = { trades: frames.latencies("trades"), depth: frames.latencies("depth") };
  const fromPublish = {
    trades: frames.latencies("trades", (key) => published.tradeAt.get(key)),
    depth: frames.latencies("depth", (key) => published.bookSeqAt.get(key)),
  };
  const all = sorted([...fromCommand.trades, ...fromCommand.depth]);
  const allFromPublish = sorted([...fromPublish.trades, ...fromPublish.depth]);
  const counted = {
    trades: received.trades - before.trades,
    depth: received.depth - before.depth,
  };
  const framesPerSec = Math.round((counted.trades + counted.depth) / SECONDS);
  console.log(
    `flow: ${tradesMade} trades in ${SECONDS + WARM_UP_MS / 1000} s; measured ${counted.trades} trade frames and ${counted.depth} depth diffs (${framesPerSec} frames/s to clients)`,
  );
  for (const [name, values] of Object.entries(fromCommand))
    console.log(`${name} from command ts: ${summary(sorted(values))}`);
  for (const [name, values] of Object.entries(fromPublish))
    console.log(`${name} from engine.events publish: ${summary(sorted(values))}`);
  const workerLag = {
    trades: lagBetween(published.tradeAt, relayed.tradeAt),
    depth: lagBetween(published.bookSeqAt, relayed.bookSeqAt),
  };
  for (const [name, values] of Object.entries(workerLag))
    console.log(`${name}, engine.events → worker's PUBLISH: ${summary(sorted(values))}`);
  const fromWorker = {
    trades: frames.latencies("trades", (key) => relayed.tradeAt.get(key)),
    depth: frames.latencies("depth", (key) => relayed.bookSeqAt.get(key)),
  };
  for (const [name, values] of Object.entries(fromWorker))
    console.log(
      `${name}, worker's PUBLISH → client (gateway + client): ${summary(sorted(values))}`,
    );
  console.log(`sequence gaps seen by clients: ${received.gaps}`);
  console.log(
    `CPU while measuring (% of one core): ${Object.entries(cpuPercent)
      .map(([name, percent]) => `${name} ${percent}`)
      .join(", ")}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log(
    `machine CPU while measuring (% of all cores): ${Object.entries(machine)
      .map(([name, percent]) => `${name} ${percent}`)
      .join(", ")}`,
  );
  console.log(
    JSON.stringify({
      subscribers: CLIENTS,
      gateways: GATEWAYS,
      channels: CHANNELS,
      tradesPerSec: TRADES_PER_SEC,
      seconds: SECONDS,
      framesPerSec,
      p50Ms: pct(all, 0.5),
      p99Ms: pct(all, 0.99),
      maxMs: all.at(-1) ?? 0,
      p50MsFromPublish: pct(allFromPublish, 0.5),
      p99MsFromPublish: pct(allFromPublish, 0.99),
      maxMsFromPublish: allFromPublish.at(-1) ?? 0,
      p99MsTrades: pct(sorted(fromCommand.trades), 0.99),
      p99MsDepth: pct(sorted(fromCommand.depth), 0.99),
      depthGaps: received.gaps,
      connectMs,
      cpuPercent,
      machineCpuPercent: machine,
    }),
  );
} finally {
  for (const socket of sockets) socket.destroy();
  await client?.close();
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(
    children.map((child) => (child.exitCode === null ? once(child, "exit") : null)),
  );
  await engine?.stop();
  await run.teardown();
}

/** The market and its assets, as the engine's reference commands define them. */
async function insertReferenceRows(databaseUrl: string): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // referenceCommands(): BTC 8 places, USDT 6; tick 0.01 USDT, lot 0.0001 BTC.
    await db.query(
      `INSERT INTO assets (code, name, precision) VALUES ('BTC', 'Bitcoin', 8), ('USDT', 'Tether USD', 6)`,
    );
    await db.query(
      `INSERT INTO markets (symbol, base_asset, quote_asset, price_tick, lot_size, min_qty, max_qty,
         min_notional, maker_fee_rate, taker_fee_rate, updated_at)
       VALUES ('BTCUSDT', 'BTC', 'USDT', 0.01, 0.0001, 0.0001, 100, 0.000001, 0.001, 0.002, now())`,
    );
  } finally {
    await db.end();
  }
}

/** Funds the two traders and rests twenty levels a side away from where trades happen. */
async function fundAndSeedBook(engineClient: EngineClient): Promise<void> {
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
    await engineClient.send(deposit(userId, "BTC", 1_000_000n * 100_000_000n));
    await engineClient.send(deposit(userId, "USDT", 10n ** 12n * 1_000_000n));
  }
  for (let i = 1; i <= 20; i++) {
    for (const side of ["buy", "sell"] as const) {
      await engineClient.send({
        type: "order.place",
        orderType: "limit",
        id: `bench-ws:level:${side}:${i}`,
        ts: Date.now(),
        userId: MAKER,
        symbol: SYMBOL,
        side,
        priceTicks: side === "buy" ? 4_900_000n - BigInt(i) : 5_100_000n + BigInt(i),
        qtyLots: BigInt(i),
      });
    }
  }
}

/**
 * Every 1/TRADES_PER_SEC seconds: a maker rests a sell at 50 000 and a taker lifts it with an
 * IOC buy — one trade, two depth diffs (the level appears, then goes).
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
    const intervalMs = 1_000 / TRADES_PER_SEC;
    const started = performance.now();
    while (running) {
      n++;
      const common = {
        orderType: "limit",
        userId: 0,
        symbol: SYMBOL,
        priceTicks: 5_000_000n,
      } as const;
      // Both leave at once: the engine applies them in order, so the sell rests before the buy.
      void send({
        ...common,
        type: "order.place",
        id: `bench-ws:m${n}`,
        ts: Date.now(),
        userId: MAKER,
        side: "sell",
        qtyLots: 10n,
      });
      void send({
        ...common,
        type: "order.place",
        id: `bench-ws:t${n}`,
        ts: Date.now(),
        userId: TAKER,
        side: "buy",
        qtyLots: 10n,
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
 * Opens the clients (a few hundred handshakes at a time), each subscribing to CHANNELS, and
 * records each frame's latency. Frames are read as bytes, not JSON-parsed: with ten thousand
 * clients in this one process, the measuring must cost less than what it measures.
 * Handshakes go a few hundred at a time.
 */
async function connectClients(
  ports: number[],
  frames: FrameLog,
  received: { trades: number; depth: number; snapshots: number; tickers: number; gaps: number },
  measuring: () => boolean,
): Promise<void> {
  const tradesPrefix = Buffer.from(`{"event":"${SYMBOL}@trades"`);
  const depthPrefix = Buffer.from(`{"event":"${SYMBOL}@depth","data":{"type":"diff"`);
  const snapshotPrefix = Buffer.from(`{"event":"${SYMBOL}@depth","data":{"type":"snapshot"`);
  const timeKey = Buffer.from('"time":');
  const tradeIdKey = Buffer.from('"tradeId":');
  const seqKey = Buffer.from('"seq":');
  const firstSeqKey = Buffer.from('"firstSeq":');
  const lastSeqKey = Buffer.from('"lastSeq":');

  const open = async (index: number) => {
    let replies = 0;
    let bookSeq = -1;
    let subscribed: () => void = () => {};
    let refused: (error: Error) => void = () => {};
    const done = new Promise<void>((resolve, reject) => {
      subscribed = resolve;
      refused = reject;
    });
    const client = await openProbeClient(ports[index % ports.length] as number, (data) => {
      const now = Date.now();
      if (startsWith(data, tradesPrefix)) {
        received.trades++;
        if (measuring())
          frames.add("trades", integerAfter(data, tradeIdKey), integerAfter(data, timeKey), now);
      } else if (startsWith(data, depthPrefix)) {
        received.depth++;
        const firstSeq = integerAfter(data, firstSeqKey);
        if (firstSeq !== bookSeq + 1) received.gaps++;
        bookSeq = integerAfter(data, lastSeqKey);
        if (measuring()) frames.add("depth", bookSeq, integerAfter(data, timeKey), now);
      } else if (startsWith(data, snapshotPrefix)) {
        received.snapshots++;
        bookSeq = integerAfter(data, seqKey);
      } else if (data[2] === 0x72 /* {"result" */) {
        if (++replies === CHANNELS.length) subscribed();
      } else if (data[2] === 0x63 /* {"code" */) {
        refused(new Error(`gateway refused: ${data.toString()}`));
      } else received.tickers++;
    });
    sockets.push(client.socket);
    for (const channel of CHANNELS) client.sendText(JSON.stringify({ op: "subscribe", channel }));
    await done;
  };
  const PARALLEL = 250;
  for (let i = 0; i < CLIENTS; i += PARALLEL) {
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL, CLIENTS - i) }, (_, j) => open(i + j)),
    );
  }
}

/**
 * Every frame measured: what it was (a trade by id, a depth diff by its last book sequence),
 * the command's timestamp it carries, and when the client handled it. Kept in flat arrays:
 * millions of frames per run.
 */
function createFrameLog() {
  const kinds: Array<"trades" | "depth"> = [];
  const keys: number[] = [];
  const commandMs: number[] = [];
  const receivedMs: number[] = [];
  return {
    add(kind: "trades" | "depth", key: number, fromMs: number, atMs: number): void {
      kinds.push(kind);
      keys.push(key);
      commandMs.push(fromMs);
      receivedMs.push(atMs);
    },
    /** Latencies of one kind, from the command's timestamp or from `origin(key)` when given. */
    latencies(kind: "trades" | "depth", origin?: (key: number) => number | undefined): number[] {
      const out: number[] = [];
      for (let i = 0; i < kinds.length; i++) {
        if (kinds[i] !== kind) continue;
        const from = origin ? origin(keys[i] as number) : commandMs[i];
        if (from !== undefined) out.push((receivedMs[i] as number) - from);
      }
      return out;
    },
  };
}
type FrameLog = ReturnType<typeof createFrameLog>;

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
            if (event.type === "book.levelChanged" && event.symbol === SYMBOL)
              bookSeqAt.set(event.seq as number, publishedMs);
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
 * Subscribes to the market's bus channels like a gateway does, to learn when the worker
 * published each trade and diff (this process's clock, as for the clients).
 */
async function tapWorkerPublishes(redisUrl: string, channelPrefix: string) {
  const { Redis } = await import("ioredis");
  const redis = new Redis(redisUrl);
  const tradeAt = new Map<number, number>();
  const bookSeqAt = new Map<number, number>();
  const tradeIdKey = Buffer.from('"tradeId":');
  const lastSeqKey = Buffer.from('"lastSeq":');
  redis.on("messageBuffer", (channel: Buffer, message: Buffer) => {
    const now = Date.now();
    if (channel.toString().endsWith("@trades")) tradeAt.set(integerAfter(message, tradeIdKey), now);
    else bookSeqAt.set(integerAfter(message, lastSeqKey), now);
  });
  await redis.subscribe(`${channelPrefix}${SYMBOL}@trades`, `${channelPrefix}${SYMBOL}@depth`);
  return { tradeAt, bookSeqAt, stop: () => redis.disconnect() };
}

function lagBetween(from: Map<number, number>, to: Map<number, number>): number[] {
  const lags: number[] = [];
  for (const [key, at] of to) {
    const start = from.get(key);
    if (start !== undefined) lags.push(at - start);
  }
  return lags;
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

function sorted(values: number[]): number[] {
  return values.sort((a, b) => a - b);
}

function pct(values: number[], q: number): number {
  return values.length === 0
    ? 0
    : (values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0);
}

function summary(values: number[]): string {
  return `p50 ${pct(values, 0.5)} ms, p99 ${pct(values, 0.99)} ms, max ${values.at(-1) ?? 0} ms (${values.length} frames)`;
}

/**
 * A WebSocket client cut down to what measuring needs (RFC 6455: the upgrade, masked text
 * frames out, unmasked frames in, pong for ping). Ten thousand of them share this process
 * with the measuring; a full client library would cost more per frame than the gateway does.
 */
function openProbeClient(
  port: number,
  onText: (payload: Buffer) => void,
): Promise<{ socket: Socket; sendText(text: string): void }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    socket.setNoDelay(true);
    const send = (opcode: number, payload: Buffer) => {
      if (payload.length > 125) throw new Error("the probe client sends short frames only");
      const mask = randomBytes(4);
      const frame = Buffer.alloc(6 + payload.length);
      frame[0] = 0x80 | opcode;
      frame[1] = 0x80 | payload.length;
      mask.copy(frame, 2);
      for (let i = 0; i < payload.length; i++)
        frame[6 + i] = (payload[i] as number) ^ (mask[i % 4] as number);
      socket.write(frame);
    };
    const client = { socket, sendText: (text: string) => send(0x1, Buffer.from(text)) };
    let pending: Buffer | undefined;
    let upgraded = false;
    socket.once("error", reject);
    socket.on("connect", () =>
      socket.write(
        `GET /exchange-stream HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\n` +
          "Sec-WebSocket-Version: 13\r\n\r\n",
      ),
    );
    socket.on("data", (chunk: Buffer) => {
      let data = pending ? Buffer.concat([pending, chunk]) : chunk;
      pending = undefined;
      if (!upgraded) {
        const end = data.indexOf("\r\n\r\n");
        if (end < 0) {
          pending = data;
          return;
        }
        if (!data.subarray(0, 16).toString().startsWith("HTTP/1.1 101")) {
          reject(new Error(`upgrade refused: ${data.subarray(0, end).toString()}`));
          return;
        }
        upgraded = true;
        resolve(client);
        data = data.subarray(end + 4);
      }
      let at = 0;
      while (at + 2 <= data.length) {
        const opcode = (data[at] as number) & 0x0f;
        let length = (data[at + 1] as number) & 0x7f;
        let header = 2;
        if (length === 126) {
          if (at + 4 > data.length) break;
          length = data.readUInt16BE(at + 2);
          header = 4;
        } else if (length === 127) {
          if (at + 10 > data.length) break;
          length = Number(data.readBigUInt64BE(at + 2));
          header = 10;
        }
        if (at + header + length > data.length) break;
        const payload = data.subarray(at + header, at + header + length);
        if (opcode === 0x1) onText(payload);
        else if (opcode === 0x9) send(0xa, Buffer.from(payload));
        at += header + length;
      }
      if (at < data.length) pending = Buffer.from(data.subarray(at));
    });
  });
}

function startsWith(data: Buffer, prefix: Buffer): boolean {
  return (
    data.length >= prefix.length && data.compare(prefix, 0, prefix.length, 0, prefix.length) === 0
  );
}

/** The non-negative integer after `key` in `data` (a millisecond time or a sequence). */
function integerAfter(data: Buffer, key: Buffer): number {
  let at = data.indexOf(key) + key.length;
  let value = 0;
  for (let c = data[at]; c !== undefined && c >= 0x30 && c <= 0x39; c = data[++at])
    value = value * 10 + (c - 0x30);
  return value;
}

function startChild(name: string, main: string, extraEnv: Record<string, string>): ChildProcess {
  const limit = fileLimits().hard;
  // `ulimit` raises the soft limit of open files up to the hard one for the child alone.
  const child = spawn(
    "/bin/sh",
    ["-c", `ulimit -n ${limit}; exec "$0" --import tsx "$1"`, process.execPath, join(ROOT, main)],
    {
      env: {
        ...process.env,
        DATABASE_URL: run.databaseUrl,
        REDIS_URL: run.redisUrl,
        REDIS_PREFIX: run.redisPrefix,
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
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
