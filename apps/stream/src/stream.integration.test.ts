import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { StreamErrorCode } from "@exchange/contracts/stream-errors";
import { createLogger, signStreamToken, streamBusChannel } from "@exchange/protocol";
import { runVar } from "@exchange/protocol/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { parseStreamEnv, type StreamEnv } from "./env";
import { MESH_PUBLISH_PATH } from "./mesh-publish";
import { createStreamServer, STREAM_PATH, type StreamServer } from "./server";

const PREFIX = `${runVar("REDIS_PREFIX")}stream:`;
const SECRET = "integration-test-secret";
const PUBLISH_TOKEN = "publish-token-for-the-tests";
const env = parseStreamEnv({
  REDIS_URL: runVar("REDIS_URL"),
  REDIS_PREFIX: PREFIX,
  STREAM_TOKEN_SECRET: SECRET,
  STREAM_MAX_SUBSCRIPTIONS: 5,
  STREAM_MAX_MESSAGES_PER_SECOND: 30,
  STREAM_MAX_MESSAGE_BYTES: 512,
  STREAM_PUBLISH_TOKEN: PUBLISH_TOKEN,
  STREAM_PUBLISH_MAX_BYTES: 1_024,
});

interface Gateway {
  server: StreamServer;
  connections: Redis[];
  url: string;
  httpUrl: string;
}

async function startGateway(gatewayEnv: StreamEnv = env): Promise<Gateway> {
  const subscriberRedis = new Redis(gatewayEnv.REDIS_URL, { lazyConnect: true });
  await subscriberRedis.connect();
  const redis = new Redis(gatewayEnv.REDIS_URL);
  const server = createStreamServer({
    env: gatewayEnv,
    subscriberRedis,
    redis,
    log: createLogger("test", "error"),
  });
  server.http.listen(0, "127.0.0.1");
  await once(server.http, "listening");
  const { port } = server.http.address() as AddressInfo;
  return {
    server,
    connections: [subscriberRedis, redis],
    url: `ws://127.0.0.1:${port}${STREAM_PATH}`,
    httpUrl: `http://127.0.0.1:${port}`,
  };
}

/** A client that queues every frame it receives, to be taken in order. */
class TestClient {
  readonly frames: unknown[] = [];
  private waiting: (() => void) | undefined;
  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      this.frames.push(JSON.parse(String(data)));
      this.waiting?.();
    });
  }

  static async open(url: string): Promise<TestClient> {
    const socket = new WebSocket(url);
    const client = new TestClient(socket);
    await once(socket, "open");
    return client;
  }

  async next(timeoutMs = 2_000): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("no frame arrived");
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiting = undefined;
    }
    return this.frames.shift();
  }

  async request(message: unknown): Promise<unknown> {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
    return this.next();
  }

  close(): void {
    this.socket.close();
  }
}

const redis = new Redis(env.REDIS_URL);
const publish = (busName: string, data: unknown) =>
  redis.publish(streamBusChannel(PREFIX, busName), JSON.stringify(data));
const tokenFor = (userId: number, expiresAtMs = Date.now() + 60_000) =>
  signStreamToken({ userId, expiresAtMs }, SECRET);

type Level = [string, string];

/**
 * Writes a market's depth the way the market-data job does: the snapshot hash and the diff's
 * PUBLISH in one atomic step (apps/worker market-data-publisher.ts and market-data-keys.ts).
 */
class DepthWriter {
  seq = 0;
  readonly bids = new Map<number, number>();
  readonly asks = new Map<number, number>();
  constructor(readonly symbol: string) {}

  private get key() {
    return `${PREFIX}md:depth:${this.symbol}`;
  }

  async reset(seq: number): Promise<void> {
    this.seq = seq;
    this.bids.clear();
    this.asks.clear();
    await redis.multi().del(this.key).hset(this.key, "seq", String(seq)).exec();
  }

  /** One diff of `changes` levels; `skip` sequence numbers are lost on the way, as in a crash. */
  async step(changes: Array<["b" | "a", number, number]>, skip = 0): Promise<void> {
    const firstSeq = this.seq + 1 + skip;
    this.seq = firstSeq + changes.length - 1;
    const multi = redis.multi();
    const diff = { bids: [] as Level[], asks: [] as Level[] };
    for (const [side, ticks, qty] of changes) {
      const field = `${side}:${String(ticks).padStart(40, "0")}`;
      (side === "b" ? this.bids : this.asks).set(ticks, qty);
      if (qty === 0) {
        (side === "b" ? this.bids : this.asks).delete(ticks);
        multi.hdel(this.key, field);
      } else multi.hset(this.key, field, `${ticks}:${qty}`);
      (side === "b" ? diff.bids : diff.asks).push([String(ticks), String(qty)]);
    }
    multi.hset(this.key, "seq", String(this.seq));
    multi.publish(
      streamBusChannel(PREFIX, `${this.symbol}@depth`),
      JSON.stringify({ type: "diff", firstSeq, lastSeq: this.seq, ...diff, time: Date.now() }),
    );
    await multi.exec();
  }

  book(): { bids: Level[]; asks: Level[] } {
    const sorted = (levels: Map<number, number>, descending: boolean) =>
      [...levels.entries()]
        .sort(([a], [b]) => (descending ? b - a : a - b))
        .map(([p, q]): Level => [String(p), String(q)]);
    return { bids: sorted(this.bids, true), asks: sorted(this.asks, false) };
  }
}

/** What a client does with depth frames: start at the snapshot, apply diffs that follow on. */
function followDepth(frames: unknown[]) {
  const [result, snapshot, ...diffs] = frames as Array<{
    result?: boolean;
    event?: string;
    data: {
      type: string;
      seq: number;
      firstSeq: number;
      lastSeq: number;
      bids: Level[];
      asks: Level[];
    };
  }>;
  expect(result).toEqual({ result: true });
  expect(snapshot?.data.type).toBe("snapshot");
  const book = {
    seq: snapshot?.data.seq ?? 0,
    bids: new Map(snapshot?.data.bids),
    asks: new Map(snapshot?.data.asks),
  };
  const gaps: Array<{ held: number; firstSeq: number }> = [];
  for (const { data } of diffs) {
    expect(data.type).toBe("diff");
    if (data.firstSeq !== book.seq + 1) gaps.push({ held: book.seq, firstSeq: data.firstSeq });
    for (const [side, levels] of [
      [book.bids, data.bids],
      [book.asks, data.asks],
    ] as const) {
      for (const [price, qty] of levels) {
        if (qty === "0") side.delete(price);
        else side.set(price, qty);
      }
    }
    book.seq = data.lastSeq;
  }
  const sorted = (levels: Map<string, string>, descending: boolean) =>
    [...levels.entries()].sort(([a], [b]) =>
      descending ? Number(b) - Number(a) : Number(a) - Number(b),
    );
  return { seq: book.seq, bids: sorted(book.bids, true), asks: sorted(book.asks, false), gaps };
}

let gateway: Gateway;
let second: Gateway;
let disabled: Gateway;
const btc = new DepthWriter("BTCUSDT");

beforeAll(async () => {
  [gateway, second, disabled] = await Promise.all([
    startGateway(),
    startGateway(),
    startGateway({ ...env, STREAM_PUBLISH_TOKEN: undefined }),
  ]);
  await btc.reset(0);
  await btc.step([
    ["b", 4_999_900, 3],
    ["a", 5_000_100, 2],
  ]);
});

afterAll(async () => {
  for (const g of [gateway, second, disabled]) {
    await g.server.close();
    for (const connection of g.connections) connection.disconnect();
  }
  redis.disconnect();
});

describe("seed-001 protocol", () => {
  it("answers auth, subscribe and unsubscribe with {result:true}", async () => {
    const client = await TestClient.open(gateway.url);
    expect(await client.request({ op: "auth", token: tokenFor(7) })).toEqual({ result: true });
    for (const channel of ["ETHUSDT@trades", "ETHUSDT@kline_1m", "ETHUSDT@markprice", "@balance"]) {
      expect(await client.request({ op: "subscribe", channel })).toEqual({ result: true });
      expect(await client.request({ op: "unsubscribe", channel })).toEqual({ result: true });
    }
    client.close();
  });

  it.each([
    ["malformed JSON", "{op:", StreamErrorCode.MALFORMED_MESSAGE],
    ["a JSON array", "[1,2]", StreamErrorCode.MALFORMED_MESSAGE],
    ["an unknown op", { op: "dance" }, StreamErrorCode.UNKNOWN_OP],
    ["a missing op", { channel: "BTCUSDT@depth" }, StreamErrorCode.UNKNOWN_OP],
    [
      "a channel that is not a string",
      { op: "subscribe", channel: 7 },
      StreamErrorCode.MALFORMED_MESSAGE,
    ],
    ["a token that is not a string", { op: "auth", token: 7 }, StreamErrorCode.MALFORMED_MESSAGE],
    [
      "an invalid channel",
      { op: "subscribe", channel: "BTCUSDT" },
      StreamErrorCode.INVALID_CHANNEL,
    ],
    [
      "an unknown topic",
      { op: "subscribe", channel: "BTCUSDT@gossip" },
      StreamErrorCode.INVALID_CHANNEL,
    ],
    [
      "an unknown kline interval",
      { op: "subscribe", channel: "BTCUSDT@kline_7m" },
      StreamErrorCode.INVALID_CHANNEL,
    ],
    [
      "another user's private channel",
      { op: "subscribe", channel: "1002@balance" },
      StreamErrorCode.INVALID_CHANNEL,
    ],
    [
      "a private channel before auth",
      { op: "subscribe", channel: "@balance" },
      StreamErrorCode.NOT_AUTHENTICATED,
    ],
    ["a forged token", { op: "auth", token: "abc.def" }, StreamErrorCode.AUTH_FAILED],
    [
      "an expired token",
      { op: "auth", token: tokenFor(7, Date.now() - 1) },
      StreamErrorCode.AUTH_FAILED,
    ],
    [
      "depth of a market without a snapshot",
      { op: "subscribe", channel: "NOSUCHUSDT@depth" },
      StreamErrorCode.SNAPSHOT_UNAVAILABLE,
    ],
  ])("answers %s with {code,msg} and keeps the connection", async (_, message, code) => {
    const client = await TestClient.open(gateway.url);
    const reply = (await client.request(message)) as { code: number; msg: string };
    expect(reply).toEqual({ code, msg: expect.any(String) });
    expect(await client.request({ op: "subscribe", channel: "ETHUSDT@trades" })).toEqual({
      result: true,
    });
    client.close();
  });

  it("uses the seed's own wording for an unauthenticated private channel", async () => {
    const client = await TestClient.open(gateway.url);
    expect(await client.request({ op: "subscribe", channel: "@order" })).toEqual({
      code: 1,
      msg: "Not Auth",
    });
    client.close();
  });

  it("refuses to switch an authenticated connection to another user", async () => {
    const client = await TestClient.open(gateway.url);
    expect(await client.request({ op: "auth", token: tokenFor(7) })).toEqual({ result: true });
    expect(await client.request({ op: "auth", token: tokenFor(8) })).toMatchObject({
      code: StreamErrorCode.AUTH_FAILED,
    });
    client.close();
  });

  it("pushes a trader's own perpetual positions on @position, and no one else's", async () => {
    const client = await TestClient.open(gateway.url);
    await client.request({ op: "auth", token: tokenFor(7) });
    expect(await client.request({ op: "subscribe", channel: "@position" })).toEqual({
      result: true,
    });
    await publish("8@position", { kind: "position", symbol: "BTCUSDT-PERP", qtyLots: "5" });
    await publish("7@position", { kind: "position", symbol: "BTCUSDT-PERP", qtyLots: "-3" });
    expect(await client.next()).toEqual({
      event: "@position",
      data: { kind: "position", symbol: "BTCUSDT-PERP", qtyLots: "-3" },
    });
    client.close();
  });

  it("pushes published events as {event,data} to subscribers only", async () => {
    const subscribed = await TestClient.open(gateway.url);
    const bystander = await TestClient.open(gateway.url);
    await subscribed.request({ op: "subscribe", channel: "BTCUSDT@trades" });
    await bystander.request({ op: "subscribe", channel: "ETHUSDT@trades" });
    await publish("BTCUSDT@trades", { price: "50000.01", quantity: "0.1" });
    expect(await subscribed.next()).toEqual({
      event: "BTCUSDT@trades",
      data: { price: "50000.01", quantity: "0.1" },
    });
    await expect(bystander.next(300)).rejects.toThrow("no frame arrived");
    subscribed.close();
    bystander.close();
  });

  it("stops pushing after unsubscribe", async () => {
    const client = await TestClient.open(gateway.url);
    await client.request({ op: "subscribe", channel: "ETHUSDT@kline_5m" });
    await client.request({ op: "unsubscribe", channel: "ETHUSDT@kline_5m" });
    await publish("ETHUSDT@kline_5m", { close: "1" });
    await expect(client.next(300)).rejects.toThrow("no frame arrived");
    client.close();
  });
});

describe("private channels", () => {
  it("deliver each user's events to that user only, under the channel they asked for", async () => {
    const alice = await TestClient.open(gateway.url);
    const bob = await TestClient.open(second.url);
    const anonymous = await TestClient.open(gateway.url);
    expect(await alice.request({ op: "auth", token: tokenFor(1001) })).toEqual({ result: true });
    expect(await bob.request({ op: "auth", token: tokenFor(1002) })).toEqual({ result: true });
    for (const topic of ["balance", "order", "account"]) {
      await alice.request({ op: "subscribe", channel: `@${topic}` });
      await bob.request({ op: "subscribe", channel: `@${topic}` });
    }
    await publish("1001@balance", { asset: "BTC", available: "1" });
    await publish("1002@order", { orderId: 9 });
    await publish("1001@account", { tradeId: 3 });
    expect(await alice.next()).toEqual({
      event: "@balance",
      data: { asset: "BTC", available: "1" },
    });
    expect(await alice.next()).toEqual({ event: "@account", data: { tradeId: 3 } });
    expect(await bob.next()).toEqual({ event: "@order", data: { orderId: 9 } });
    await expect(alice.next(300)).rejects.toThrow("no frame arrived");
    await expect(bob.next(100)).rejects.toThrow("no frame arrived");
    await expect(anonymous.next(100)).rejects.toThrow("no frame arrived");
    for (const client of [alice, bob, anonymous]) client.close();
  });
});

describe("depth", () => {
  it("sends a snapshot right after {result:true}, then the diffs that follow it", async () => {
    const client = await TestClient.open(gateway.url);
    expect(await client.request({ op: "subscribe", channel: "BTCUSDT@depth" })).toEqual({
      result: true,
    });
    expect(await client.next()).toEqual({
      event: "BTCUSDT@depth",
      data: {
        type: "snapshot",
        seq: btc.seq,
        bids: [["4999900", "3"]],
        asks: [["5000100", "2"]],
      },
    });
    await btc.step([["a", 5_000_100, 0]]);
    expect(await client.next()).toMatchObject({
      event: "BTCUSDT@depth",
      data: { type: "diff", firstSeq: btc.seq, lastSeq: btc.seq, asks: [["5000100", "0"]] },
    });
    client.close();
  });

  it("never loses or repeats a diff for clients subscribing while the book moves", async () => {
    const race = new DepthWriter("RACEUSDT");
    await race.reset(100);
    let writing = true;
    let step = 0;
    const writer = (async () => {
      while (writing) {
        step++;
        await race.step([
          ["b", 1_000 + (step % 17), step % 5],
          ["a", 2_000 + (step % 13), (step * 7) % 4],
        ]);
        if (step % 3 === 0) await new Promise((r) => setImmediate(r));
      }
    })();
    const clients: TestClient[] = [];
    for (let i = 0; i < 24; i++) {
      const client = await TestClient.open(i % 2 ? gateway.url : second.url);
      client.socket.send(JSON.stringify({ op: "subscribe", channel: "RACEUSDT@depth" }));
      clients.push(client);
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 100));
    writing = false;
    await writer;
    const final = race.book();
    for (const client of clients) {
      const deadline = Date.now() + 5_000;
      while (
        (client.frames.at(-1) as { data?: { lastSeq?: number; seq?: number } })?.data?.lastSeq !==
        race.seq
      ) {
        if (Date.now() > deadline) throw new Error("last diff never arrived");
        await new Promise((r) => setTimeout(r, 10));
      }
      const followed = followDepth(client.frames);
      expect(followed.gaps).toEqual([]);
      expect(followed.seq).toBe(race.seq);
      expect({ bids: followed.bids, asks: followed.asks }).toEqual(final);
      client.close();
    }
    expect(step).toBeGreaterThan(50);
  });

  it("makes a lost diff detectable, and a new subscription starts from a fresh snapshot", async () => {
    const gap = new DepthWriter("GAPUSDT");
    await gap.reset(20);
    const client = await TestClient.open(gateway.url);
    await client.request({ op: "subscribe", channel: "GAPUSDT@depth" });
    await client.next();
    await gap.step([["b", 10, 1]]);
    await gap.step([["b", 11, 1]], 2); // seqs 22 and 23 never reach anyone
    await gap.step([["b", 12, 1]]);
    while (client.frames.length < 3) await new Promise((r) => setTimeout(r, 10));
    const followed = followDepth([
      { result: true },
      { data: { type: "snapshot", seq: 20, bids: [], asks: [] } },
      ...client.frames,
    ]);
    expect(followed.gaps).toEqual([{ held: 21, firstSeq: 24 }]);
    // The client's remedy: subscribe again and start over from the snapshot.
    client.frames.length = 0;
    await client.request({ op: "unsubscribe", channel: "GAPUSDT@depth" });
    expect(await client.request({ op: "subscribe", channel: "GAPUSDT@depth" })).toEqual({
      result: true,
    });
    expect(await client.next()).toMatchObject({
      data: {
        type: "snapshot",
        seq: 25,
        bids: [
          ["12", "1"],
          ["11", "1"],
          ["10", "1"],
        ],
      },
    });
    client.close();
  });

  it("answers a depth subscription it cannot serve for want of Redis with an error", async () => {
    const cut = await startGateway();
    (cut.connections[1] as Redis).disconnect();
    const client = await TestClient.open(cut.url);
    expect(await client.request({ op: "subscribe", channel: "BTCUSDT@depth" })).toEqual({
      code: StreamErrorCode.SERVICE_UNAVAILABLE,
      msg: expect.any(String),
    });
    // Stream-only channels need only the subscriber connection, which still works.
    expect(await client.request({ op: "subscribe", channel: "BTCUSDT@trades" })).toEqual({
      result: true,
    });
    client.close();
    await cut.server.close();
    (cut.connections[0] as Redis).disconnect();
  });
});

describe("ticker", () => {
  it("sends the current ticker at once, then only newer ones", async () => {
    const ticker = { symbol: "TICKUSDT", last: "10", time: 1_000 };
    await redis.set(`${PREFIX}md:ticker:TICKUSDT`, JSON.stringify(ticker));
    const client = await TestClient.open(gateway.url);
    expect(await client.request({ op: "subscribe", channel: "TICKUSDT@ticker" })).toEqual({
      result: true,
    });
    expect(await client.next()).toEqual({ event: "TICKUSDT@ticker", data: ticker });
    await publish("TICKUSDT@ticker", { symbol: "TICKUSDT", last: "11", time: 2_000 });
    expect(await client.next()).toMatchObject({ data: { last: "11" } });
    client.close();
  });
});

describe("mark price", () => {
  it("sends the latest index at once, then only newer ones", async () => {
    const mark = { symbol: "MARKUSDT", markPrice: "10", indexPrice: "10", time: 1_000 };
    await redis.set(`${PREFIX}md:markprice:MARKUSDT`, JSON.stringify(mark));
    const client = await TestClient.open(gateway.url);
    expect(await client.request({ op: "subscribe", channel: "MARKUSDT@markprice" })).toEqual({
      result: true,
    });
    expect(await client.next()).toEqual({ event: "MARKUSDT@markprice", data: mark });
    await publish("MARKUSDT@markprice", { ...mark, indexPrice: "9", time: 500 });
    await publish("MARKUSDT@markprice", { ...mark, indexPrice: "11", time: 2_000 });
    expect(await client.next()).toMatchObject({ data: { indexPrice: "11" } });
    client.close();
  });

  it("answers a market without an index yet, and sends the first one when it comes", async () => {
    const client = await TestClient.open(gateway.url);
    expect(await client.request({ op: "subscribe", channel: "NOIDXUSDT@markprice" })).toEqual({
      result: true,
    });
    await publish("NOIDXUSDT@markprice", { symbol: "NOIDXUSDT", indexPrice: "3", time: 5 });
    expect(await client.next()).toMatchObject({ data: { indexPrice: "3" } });
    client.close();
  });
});

describe("two gateway instances", () => {
  it("both deliver every event", async () => {
    const one = await TestClient.open(gateway.url);
    const two = await TestClient.open(second.url);
    await one.request({ op: "subscribe", channel: "BTCUSDT@trades" });
    await two.request({ op: "subscribe", channel: "BTCUSDT@trades" });
    await publish("BTCUSDT@trades", { tradeId: 1 });
    await publish("BTCUSDT@trades", { tradeId: 2 });
    for (const client of [one, two]) {
      expect(await client.next()).toEqual({ event: "BTCUSDT@trades", data: { tradeId: 1 } });
      expect(await client.next()).toEqual({ event: "BTCUSDT@trades", data: { tradeId: 2 } });
    }
    one.close();
    two.close();
  });
});

describe(`POST ${MESH_PUBLISH_PATH}`, () => {
  const post = (g: Gateway, body: unknown, token: string | null = PUBLISH_TOKEN, method = "POST") =>
    fetch(`${g.httpUrl}${MESH_PUBLISH_PATH}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      ...(method === "POST"
        ? { body: typeof body === "string" ? body : JSON.stringify(body) }
        : {}),
    });

  it("publishes the seed's {c, d} through Redis, so every instance delivers it", async () => {
    const alice = await TestClient.open(gateway.url);
    const aliceElsewhere = await TestClient.open(second.url);
    const bob = await TestClient.open(second.url);
    for (const [client, userId] of [
      [alice, 1001],
      [aliceElsewhere, 1001],
      [bob, 1002],
    ] as const) {
      await client.request({ op: "auth", token: tokenFor(userId) });
      await client.request({ op: "subscribe", channel: "@balance" });
    }
    const d = JSON.stringify({
      uid: 1001,
      balance: [{ currency: "BTC", available: "100", unavailable: "100" }],
    });
    const response = await post(second, { c: "1001@balance", d });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: true });
    for (const client of [alice, aliceElsewhere])
      expect(await client.next()).toEqual({ event: "@balance", data: JSON.parse(d) });
    await expect(bob.next(300)).rejects.toThrow("no frame arrived");
    for (const client of [alice, aliceElsewhere, bob]) client.close();
  });

  it.each([
    ["no token", null, 401, StreamErrorCode.AUTH_FAILED],
    ["a wrong token", "publish-token-for-the-testz", 401, StreamErrorCode.AUTH_FAILED],
    ["a token of another length", "short", 401, StreamErrorCode.AUTH_FAILED],
  ])("refuses %s", async (_, token, status, code) => {
    const response = await post(gateway, { c: "BTCUSDT@trades", d: "{}" }, token);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ code, msg: expect.any(String) });
  });

  it.each([
    ["malformed JSON", "{c:", StreamErrorCode.MALFORMED_MESSAGE],
    ["a missing d", { c: "BTCUSDT@trades" }, StreamErrorCode.MALFORMED_MESSAGE],
    [
      "d that is not JSON text",
      { c: "BTCUSDT@trades", d: "hello" },
      StreamErrorCode.MALFORMED_MESSAGE,
    ],
    [
      "d as an object instead of text",
      { c: "BTCUSDT@trades", d: { a: 1 } },
      StreamErrorCode.MALFORMED_MESSAGE,
    ],
    ["an invalid channel", { c: "BTCUSDT@gossip", d: "{}" }, StreamErrorCode.INVALID_CHANNEL],
    ["an unmapped private channel", { c: "@balance", d: "{}" }, StreamErrorCode.INVALID_CHANNEL],
    ["a depth channel", { c: "BTCUSDT@depth", d: "{}" }, StreamErrorCode.INVALID_CHANNEL],
  ])("answers %s with 400", async (_, body, code) => {
    const response = await post(gateway, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code, msg: expect.any(String) });
  });

  it("refuses a body over the size limit, other methods, and publishing when no token is set", async () => {
    const big = await post(gateway, {
      c: "BTCUSDT@trades",
      d: JSON.stringify({ pad: "x".repeat(2_000) }),
    });
    expect(big.status).toBe(413);
    expect((await post(gateway, null, PUBLISH_TOKEN, "GET")).status).toBe(405);
    const off = await post(disabled, { c: "BTCUSDT@trades", d: "{}" });
    expect(off.status).toBe(503);
  });
});

describe("per-connection limits", () => {
  it("refuses subscriptions beyond the limit", async () => {
    const client = await TestClient.open(gateway.url);
    for (const symbol of ["AAUSDT", "BBUSDT", "CCUSDT", "DDUSDT", "EEUSDT"]) {
      expect(await client.request({ op: "subscribe", channel: `${symbol}@trades` })).toEqual({
        result: true,
      });
    }
    const reply = (await client.request({ op: "subscribe", channel: "FFUSDT@trades" })) as {
      code: number;
    };
    expect(reply.code).toBe(StreamErrorCode.TOO_MANY_SUBSCRIPTIONS);
    client.close();
  });

  it("tells a client that floods it to slow down, and serves it again next second", async () => {
    const client = await TestClient.open(gateway.url);
    const flood = JSON.stringify({ op: "subscribe", channel: "BTCUSDT@trades" });
    for (let i = 0; i < 40; i++) client.socket.send(flood);
    const replies: unknown[] = [];
    for (let i = 0; i < 40; i++) replies.push(await client.next());
    expect(
      replies.filter((r) => (r as { code?: number }).code === StreamErrorCode.RATE_LIMITED),
    ).toHaveLength(10);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await client.request({ op: "unsubscribe", channel: "BTCUSDT@trades" })).toEqual({
      result: true,
    });
    client.close();
  });

  it("cuts off a client that stops reading once its backlog passes the limit", async () => {
    const tight = await startGateway({ ...env, STREAM_MAX_BUFFERED_BYTES: 65_536 });
    const reader = await TestClient.open(tight.url);
    const stalled = await TestClient.open(tight.url);
    for (const client of [reader, stalled])
      await client.request({ op: "subscribe", channel: "FLOODUSDT@trades" });
    const closed = once(stalled.socket, "close");
    (stalled.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const padding = "x".repeat(60_000);
    for (let i = 0; i < 300; i++) await publish("FLOODUSDT@trades", { i, padding });
    (stalled.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    const [code] = await closed;
    expect(code).toBe(1006);
    // The client that keeps reading gets everything.
    while (reader.frames.length < 300) await new Promise((r) => setTimeout(r, 20));
    expect((reader.frames.at(-1) as { data: { i: number } }).data.i).toBe(299);
    reader.close();
    await tight.server.close();
    for (const connection of tight.connections) connection.disconnect();
  });

  it("answers an oversized message with an error, then closes", async () => {
    const client = await TestClient.open(gateway.url);
    const closed = once(client.socket, "close");
    const reply = (await client.request({ op: "subscribe", channel: "x".repeat(600) })) as {
      code: number;
    };
    expect(reply.code).toBe(StreamErrorCode.MESSAGE_TOO_LARGE);
    const [code] = await closed;
    expect(code).toBe(1009);
  });
});
