import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createLogger, signStreamToken, streamBusChannel } from "@exchange/protocol";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ZStreamEnv } from "./env";
import { StreamErrorCode } from "./protocol";
import { createStreamServer, STREAM_PATH, type StreamServer } from "./server";

const PREFIX = `${process.env.REDIS_PREFIX}stream:`;
const SECRET = "integration-test-secret";
const env = ZStreamEnv.parse({
  REDIS_URL: process.env.REDIS_URL,
  REDIS_PREFIX: PREFIX,
  STREAM_TOKEN_SECRET: SECRET,
  STREAM_MAX_SUBSCRIPTIONS: 5,
  STREAM_MAX_MESSAGES_PER_SECOND: 30,
  STREAM_MAX_MESSAGE_BYTES: 512,
});

interface Gateway {
  server: StreamServer;
  redis: Redis;
  url: string;
}

async function startGateway(): Promise<Gateway> {
  const redis = new Redis(env.REDIS_URL, { lazyConnect: true });
  await redis.connect();
  const server = createStreamServer({
    env,
    subscriberRedis: redis,
    log: createLogger("test", "error"),
  });
  server.http.listen(0, "127.0.0.1");
  await once(server.http, "listening");
  const { port } = server.http.address() as AddressInfo;
  return { server, redis, url: `ws://127.0.0.1:${port}${STREAM_PATH}` };
}

/** A client that queues every frame it receives, to be taken in order. */
class TestClient {
  private readonly frames: unknown[] = [];
  private waiting: ((frame: unknown) => void) | undefined;
  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const frame = JSON.parse(String(data));
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve(frame);
      } else this.frames.push(frame);
    });
  }

  static async open(url: string): Promise<TestClient> {
    const socket = new WebSocket(url);
    const client = new TestClient(socket);
    await once(socket, "open");
    return client;
  }

  next(timeoutMs = 2_000): Promise<unknown> {
    const queued = this.frames.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no frame arrived")), timeoutMs);
      this.waiting = (frame) => {
        clearTimeout(timer);
        resolve(frame);
      };
    });
  }

  async request(message: unknown): Promise<unknown> {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
    return this.next();
  }

  close(): void {
    this.socket.close();
  }
}

const publisher = new Redis(env.REDIS_URL);
const publish = (busName: string, data: unknown) =>
  publisher.publish(streamBusChannel(PREFIX, busName), JSON.stringify(data));
const tokenFor = (userId: number) =>
  signStreamToken({ userId, expiresAtMs: Date.now() + 60_000 }, SECRET);

let gateway: Gateway;
let second: Gateway;
beforeAll(async () => {
  [gateway, second] = await Promise.all([startGateway(), startGateway()]);
});
afterAll(async () => {
  for (const g of [gateway, second]) {
    await g.server.close();
    g.redis.disconnect();
  }
  publisher.disconnect();
});

describe("seed-001 protocol", () => {
  it("answers subscribe and unsubscribe with {result:true}", async () => {
    const client = await TestClient.open(gateway.url);
    expect(await client.request({ op: "subscribe", channel: "BTCUSDT@depth" })).toEqual({
      result: true,
    });
    expect(await client.request({ op: "unsubscribe", channel: "BTCUSDT@depth" })).toEqual({
      result: true,
    });
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
      "a private channel before auth",
      { op: "subscribe", channel: "@balance" },
      StreamErrorCode.NOT_AUTHENTICATED,
    ],
    ["a forged token", { op: "auth", token: "abc.def" }, StreamErrorCode.AUTH_FAILED],
  ])("answers %s with {code,msg} and keeps the connection", async (_, message, code) => {
    const client = await TestClient.open(gateway.url);
    const reply = (await client.request(message)) as { code: number; msg: string };
    expect(reply.code).toBe(code);
    expect(reply.msg).toEqual(expect.any(String));
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

  it("answers @position with a clear error until contracts exist", async () => {
    const client = await TestClient.open(gateway.url);
    await client.request({ op: "auth", token: tokenFor(7) });
    const reply = (await client.request({ op: "subscribe", channel: "@position" })) as {
      code: number;
      msg: string;
    };
    expect(reply.code).toBe(StreamErrorCode.CHANNEL_UNAVAILABLE);
    expect(reply.msg).toMatch(/contract/);
    client.close();
  });

  it("pushes published events as {event,data} to subscribers only", async () => {
    const subscribed = await TestClient.open(gateway.url);
    const bystander = await TestClient.open(gateway.url);
    await subscribed.request({ op: "subscribe", channel: "BTCUSDT@trades" });
    await bystander.request({ op: "subscribe", channel: "ETHUSDT@trades" });
    await publish("BTCUSDT@trades", { price: "50000.01", qty: "0.1" });
    expect(await subscribed.next()).toEqual({
      event: "BTCUSDT@trades",
      data: { price: "50000.01", qty: "0.1" },
    });
    await expect(bystander.next(300)).rejects.toThrow("no frame arrived");
    subscribed.close();
    bystander.close();
  });

  it("stops pushing after unsubscribe", async () => {
    const client = await TestClient.open(gateway.url);
    await client.request({ op: "subscribe", channel: "ETHUSDT@ticker" });
    await client.request({ op: "unsubscribe", channel: "ETHUSDT@ticker" });
    await publish("ETHUSDT@ticker", { last: "1" });
    await expect(client.next(300)).rejects.toThrow("no frame arrived");
    client.close();
  });

  it("delivers a user's private events to that user only, under the channel they asked for", async () => {
    const alice = await TestClient.open(gateway.url);
    const bob = await TestClient.open(gateway.url);
    expect(await alice.request({ op: "auth", token: tokenFor(1001) })).toEqual({ result: true });
    expect(await bob.request({ op: "auth", token: tokenFor(1002) })).toEqual({ result: true });
    await alice.request({ op: "subscribe", channel: "@balance" });
    await bob.request({ op: "subscribe", channel: "@balance" });
    await publish("1001@balance", { asset: "BTC", available: "1" });
    expect(await alice.next()).toEqual({
      event: "@balance",
      data: { asset: "BTC", available: "1" },
    });
    await expect(bob.next(300)).rejects.toThrow("no frame arrived");
    alice.close();
    bob.close();
  });

  it("delivers every event through each of two gateway instances", async () => {
    const one = await TestClient.open(gateway.url);
    const two = await TestClient.open(second.url);
    await one.request({ op: "subscribe", channel: "BTCUSDT@depth" });
    await two.request({ op: "subscribe", channel: "BTCUSDT@depth" });
    await publish("BTCUSDT@depth", { seq: 1 });
    await publish("BTCUSDT@depth", { seq: 2 });
    for (const client of [one, two]) {
      expect(await client.next()).toEqual({ event: "BTCUSDT@depth", data: { seq: 1 } });
      expect(await client.next()).toEqual({ event: "BTCUSDT@depth", data: { seq: 2 } });
    }
    one.close();
    two.close();
  });
});

describe("per-connection limits", () => {
  it("refuses subscriptions beyond the limit", async () => {
    const client = await TestClient.open(gateway.url);
    for (const symbol of ["AAUSDT", "BBUSDT", "CCUSDT", "DDUSDT", "EEUSDT"]) {
      expect(await client.request({ op: "subscribe", channel: `${symbol}@depth` })).toEqual({
        result: true,
      });
    }
    const reply = (await client.request({ op: "subscribe", channel: "FFUSDT@depth" })) as {
      code: number;
    };
    expect(reply.code).toBe(StreamErrorCode.TOO_MANY_SUBSCRIPTIONS);
    client.close();
  });

  it("tells a client that floods it to slow down, and serves it again next second", async () => {
    const client = await TestClient.open(gateway.url);
    const flood = JSON.stringify({ op: "subscribe", channel: "BTCUSDT@depth" });
    for (let i = 0; i < 40; i++) client.socket.send(flood);
    const replies: unknown[] = [];
    for (let i = 0; i < 40; i++) replies.push(await client.next());
    expect(
      replies.filter((r) => (r as { code?: number }).code === StreamErrorCode.RATE_LIMITED),
    ).toHaveLength(10);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await client.request({ op: "unsubscribe", channel: "BTCUSDT@depth" })).toEqual({
      result: true,
    });
    client.close();
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
