/**
 * One measuring process of `bench:ws` (scripts/bench/ws.ts starts several, so that measuring
 * never queues behind itself on one core). It opens its share of the subscribers, each on one
 * market's trades, depth and ticker, and records when each trade and depth diff reached each
 * client. Nothing per frame is kept: per frame key (a trade id, a market's book sequence), the
 * command's timestamp once and how many clients handled it in each millisecond. The parent
 * turns that into latencies from the command, from the engine's publish and from the worker's.
 *
 * IPC: the parent sends `{type:"measure", on}` and `{type:"report"}`; this process answers
 * `{type:"ready"}` once every client is subscribed, `{type:"report", …}`, or `{type:"failed"}`.
 */
import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";

export interface ClientsConfig {
  ports: number[];
  symbols: string[];
  /** Global index of this process's first client: it decides the client's market and gateway. */
  firstIndex: number;
  count: number;
}

/** Frames of one kind: key → the command's timestamp and clients handled per millisecond. */
export type FrameTimes = Array<
  [key: number, commandMs: number, counts: Array<[atMs: number, clients: number]>]
>;

export interface ClientsReport {
  type: "report";
  received: { trades: number; depth: number; snapshots: number; tickers: number; gaps: number };
  trades: FrameTimes;
  depth: FrameTimes;
}

/** Depth keys are per market: the market's index times this, plus the diff's last sequence. */
export const DEPTH_KEY_STRIDE = 1e9;

/** The client's market and gateway from its global index: every gateway gets every market. */
export function placeClient(index: number, markets: number, gateways: number) {
  return { market: index % markets, gateway: Math.floor(index / markets) % gateways };
}

const PARALLEL_HANDSHAKES = 250;

const CONFIG_VAR = "BENCH_WS_CLIENTS_CONFIG";

/** The environment a measuring process is started with. */
export function clientsEnv(config: ClientsConfig): Record<string, string> {
  return { [CONFIG_VAR]: JSON.stringify(config) };
}

async function runClients(config: ClientsConfig): Promise<void> {
  const send = process.send?.bind(process) as (message: unknown) => boolean;
  const log = createArrivalLog();
  const received = { trades: 0, depth: 0, snapshots: 0, tickers: 0, gaps: 0 };
  const sockets: Socket[] = [];
  process.on("message", (message: { type: string; on?: boolean }) => {
    if (message.type === "measure") log.measuring = message.on === true;
    if (message.type === "report") {
      const report: ClientsReport = { type: "report", received, ...log.export() };
      send(report);
      for (const socket of sockets) socket.destroy();
      process.disconnect();
    }
  });
  try {
    for (let i = 0; i < config.count; i += PARALLEL_HANDSHAKES) {
      const batch = Array.from(
        { length: Math.min(PARALLEL_HANDSHAKES, config.count - i) },
        (_, j) => openSubscriber(config, config.firstIndex + i + j, log, received),
      );
      sockets.push(...(await Promise.all(batch)));
    }
    send({ type: "ready" });
  } catch (error) {
    send({ type: "failed", message: String(error) });
    process.exit(1);
  }
}

/**
 * Per frame key, the command's timestamp and a count of arrivals per millisecond; kept in maps
 * of numbers because hundreds of thousands of frames arrive per run.
 */
function createArrivalLog() {
  const kinds = { trades: new Map<number, Arrivals>(), depth: new Map<number, Arrivals>() };
  const log = {
    measuring: false,
    add(kind: "trades" | "depth", key: number, commandMs: number, atMs: number): void {
      const frames = kinds[kind];
      let arrivals = frames.get(key);
      if (!arrivals) {
        arrivals = { commandMs, counts: new Map() };
        frames.set(key, arrivals);
      }
      arrivals.counts.set(atMs, (arrivals.counts.get(atMs) ?? 0) + 1);
    },
    export(): { trades: FrameTimes; depth: FrameTimes } {
      const flatten = (frames: Map<number, Arrivals>): FrameTimes =>
        [...frames].map(([key, a]) => [key, a.commandMs, [...a.counts]]);
      return { trades: flatten(kinds.trades), depth: flatten(kinds.depth) };
    },
  };
  return log;
}
interface Arrivals {
  commandMs: number;
  counts: Map<number, number>;
}

/**
 * Opens one client on its market's three channels and resolves once all three are answered.
 * Frames are read as bytes, not JSON-parsed: the measuring must cost less than what it measures.
 */
async function openSubscriber(
  config: ClientsConfig,
  index: number,
  log: ReturnType<typeof createArrivalLog>,
  received: ClientsReport["received"],
): Promise<Socket> {
  const placed = placeClient(index, config.symbols.length, config.ports.length);
  const symbol = config.symbols[placed.market] as string;
  const parse = framePrefixes(symbol);
  const depthKeyBase = placed.market * DEPTH_KEY_STRIDE;
  const channels = [`${symbol}@trades`, `${symbol}@depth`, `${symbol}@ticker`];
  let replies = 0;
  let bookSeq = -1;
  let subscribed: () => void = () => {};
  let refused: (error: Error) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    subscribed = resolve;
    refused = reject;
  });
  const client = await openProbeClient(config.ports[placed.gateway] as number, (data) => {
    const now = Date.now();
    if (startsWith(data, parse.trades)) {
      received.trades++;
      if (log.measuring)
        log.add("trades", integerAfter(data, TRADE_ID), integerAfter(data, TIME), now);
    } else if (startsWith(data, parse.diff)) {
      received.depth++;
      if (integerAfter(data, FIRST_SEQ) !== bookSeq + 1) received.gaps++;
      bookSeq = integerAfter(data, LAST_SEQ);
      if (log.measuring) log.add("depth", depthKeyBase + bookSeq, integerAfter(data, TIME), now);
    } else if (startsWith(data, parse.snapshot)) {
      received.snapshots++;
      bookSeq = integerAfter(data, SEQ);
    } else if (data[2] === 0x72 /* {"result" */) {
      if (++replies === channels.length) subscribed();
    } else if (data[2] === 0x63 /* {"code" */) {
      refused(new Error(`gateway refused: ${data.toString()}`));
    } else received.tickers++;
  });
  for (const channel of channels) client.sendText(JSON.stringify({ op: "subscribe", channel }));
  await done;
  return client.socket;
}

const TIME = Buffer.from('"time":');
const TRADE_ID = Buffer.from('"tradeId":');
const SEQ = Buffer.from('"seq":');
const FIRST_SEQ = Buffer.from('"firstSeq":');
const LAST_SEQ = Buffer.from('"lastSeq":');

function framePrefixes(symbol: string) {
  return {
    trades: Buffer.from(`{"event":"${symbol}@trades"`),
    diff: Buffer.from(`{"event":"${symbol}@depth","data":{"type":"diff"`),
    snapshot: Buffer.from(`{"event":"${symbol}@depth","data":{"type":"snapshot"`),
  };
}

/**
 * A WebSocket client cut down to what measuring needs (RFC 6455: the upgrade, masked text
 * frames out, unmasked frames in, pong for ping). Thousands of them share this process; a full
 * client library would cost more per frame than the gateway does.
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
      const at = readFrames(data, onText, (payload) => send(0xa, Buffer.from(payload)));
      if (at < data.length) pending = Buffer.from(data.subarray(at));
    });
  });
}

/** Hands each complete frame of `data` on; returns where the first incomplete one starts. */
function readFrames(
  data: Buffer,
  onText: (payload: Buffer) => void,
  onPing: (payload: Buffer) => void,
): number {
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
    else if (opcode === 0x9) onPing(payload);
    at += header + length;
  }
  return at;
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

// Last: everything above must be initialised before the clients start.
const configText = process.env[CONFIG_VAR];
if (configText && process.send) await runClients(JSON.parse(configText) as ClientsConfig);
