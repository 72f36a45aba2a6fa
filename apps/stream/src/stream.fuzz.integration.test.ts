/**
 * The gateway under generated client messages, channel names and publish requests: a real
 * gateway on a real port with real sockets and the run's Redis. The property: every client
 * message gets exactly one typed answer (`{"result":true}` or `{"code":N,"msg":…}` with a known
 * code), an oversized one closes only its own connection, a publish is answered with a 2xx or
 * 4xx, never a 500, and afterwards the gateway still serves a fresh client.
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { StreamErrorCode } from "@exchange/contracts/stream-errors";
import { createLogger, signStreamToken, stringifyWire } from "@exchange/protocol";
import {
  deepJsonText,
  fuzz,
  fuzzTimeoutMs,
  hostileJsonText,
  hostileString,
  hugeString,
  nearlyValidObject,
  runVar,
} from "@exchange/protocol/testing";
import fc from "fast-check";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { parseStreamEnv } from "./env";
import { MESH_PUBLISH_PATH } from "./mesh-publish";
import { parseClientMessage } from "./protocol";
import { createStreamServer, STREAM_PATH, type StreamServer } from "./server";

const SECRET = "fuzz-stream-token-secret";
const PUBLISH_TOKEN = "fuzz-publish-token-0123456789";
const MAX_MESSAGE_BYTES = 1_024;
/** The socket layer's own limit (server.ts: 16 × the message limit). */
const HARD_LIMIT_BYTES = MAX_MESSAGE_BYTES * 16;
const env = parseStreamEnv({
  REDIS_URL: runVar("REDIS_URL"),
  REDIS_PREFIX: `${runVar("REDIS_PREFIX")}stream-fuzz:`,
  STREAM_TOKEN_SECRET: SECRET,
  STREAM_MAX_SUBSCRIPTIONS: 50,
  // High enough that every generated message is answered for what it is, not rate-limited.
  STREAM_MAX_MESSAGES_PER_SECOND: 1_000_000,
  STREAM_MAX_MESSAGE_BYTES: MAX_MESSAGE_BYTES,
  STREAM_PUBLISH_TOKEN: PUBLISH_TOKEN,
  STREAM_PUBLISH_MAX_BYTES: 4_096,
});
const KNOWN_CODES = new Set(
  Object.values(StreamErrorCode).filter((v): v is number => typeof v === "number"),
);

let server: StreamServer;
let redisConnections: Redis[];
let wsUrl: string;
let httpUrl: string;

beforeAll(async () => {
  const subscriberRedis = new Redis(env.REDIS_URL, { lazyConnect: true });
  await subscriberRedis.connect();
  const redis = new Redis(env.REDIS_URL);
  redisConnections = [subscriberRedis, redis];
  server = createStreamServer({ env, subscriberRedis, redis, log: createLogger("fuzz", "error") });
  server.http.listen(0, "127.0.0.1");
  await once(server.http, "listening");
  const { port } = server.http.address() as AddressInfo;
  wsUrl = `ws://127.0.0.1:${port}${STREAM_PATH}`;
  httpUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server?.close();
  for (const connection of redisConnections ?? []) connection.disconnect();
});

/** Channel names: valid ones, near misses and garbage. */
const channelName = fc.oneof(
  fc.constantFrom("BTCUSDT@trades", "BTCUSDT@ticker", "BTCUSDT@depth", "BTCUSDT@kline_1m"),
  fc.constantFrom("@balance", "@order", "@account", "@position", "@", "@@", "1@balance", "2@order"),
  fc.constantFrom("btcusdt@trades", "BTCUSDT@kline_7m", "BTCUSDT@", "A@trades", "__proto__@depth"),
  fc
    .tuple(
      fc.stringMatching(/^[A-Z0-9]{0,22}$/),
      fc.constantFrom("depth", "trades", "kline_1m", "balance", "x"),
    )
    .map(([symbol, topic]) => `${symbol}@${topic}`),
  hostileString({ maxLength: 200 }),
);

const token = fc.oneof(
  fc.constant(signStreamToken({ userId: 7, expiresAtMs: Date.now() + 3_600_000 }, SECRET)),
  fc.constant(signStreamToken({ userId: 8, expiresAtMs: Date.now() + 3_600_000 }, SECRET)),
  fc.constant(signStreamToken({ userId: 7, expiresAtMs: 1 }, SECRET)),
  fc.constant(
    signStreamToken({ userId: 7, expiresAtMs: Date.now() + 3_600_000 }, "another-secret-x"),
  ),
  hostileString({ maxLength: 3_000 }),
);

/** One client frame as text (or binary, when a Uint8Array). */
const clientFrame: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  {
    arbitrary: fc
      .record({ op: fc.constantFrom("subscribe", "unsubscribe"), channel: channelName })
      .map(stringifyWire),
    weight: 5,
  },
  {
    arbitrary: fc.record({ op: fc.constant("auth"), token }).map(stringifyWire),
    weight: 2,
  },
  {
    arbitrary: nearlyValidObject(
      ["op", "channel", "token"],
      fc.oneof(fc.constantFrom("auth", "subscribe", "unsubscribe"), channelName),
    ).map(stringifyWire),
    weight: 3,
  },
  { arbitrary: hostileJsonText(), weight: 1 },
  { arbitrary: hostileString(), weight: 2 },
  { arbitrary: deepJsonText(), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 64 }), weight: 1 },
);

function byteLength(message: string | Uint8Array): number {
  return typeof message === "string" ? Buffer.byteLength(message) : message.byteLength;
}

/** A client whose every frame is kept in arrival order. */
async function openClient(): Promise<{
  socket: WebSocket;
  frames: string[];
  closed: Promise<number>;
}> {
  const socket = new WebSocket(wsUrl);
  const frames: string[] = [];
  socket.on("message", (data) => frames.push(String(data)));
  const closed = once(socket, "close").then(([code]) => code as number);
  await once(socket, "open");
  return { socket, frames, closed };
}

async function waitFor(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 2));
  }
}

function expectTypedReply(frame: string, sent: string | Uint8Array) {
  const reply = JSON.parse(frame) as { result?: unknown; code?: unknown; msg?: unknown };
  const context = JSON.stringify({
    sent: typeof sent === "string" ? sent.slice(0, 300) : "binary",
    frame,
  });
  if ("result" in reply) expect(reply.result, context).toBe(true);
  else {
    expect(KNOWN_CODES.has(reply.code as number), context).toBe(true);
    expect(typeof reply.msg, context).toBe("string");
  }
}

/** The gateway still answers: health, and a new client's subscribe. */
async function expectGatewayServes() {
  const health = await fetch(`${httpUrl}/health`);
  expect(health.status).toBe(200);
  const client = await openClient();
  client.socket.send(JSON.stringify({ op: "subscribe", channel: "BTCUSDT@trades" }));
  await waitFor(() => client.frames.length === 1);
  expect(JSON.parse(client.frames[0] as string)).toEqual({ result: true });
  client.socket.close();
}

describe("gateway under generated client messages", { timeout: fuzzTimeoutMs(120_000) }, () => {
  it("answers every message of a session once, typed, in order", async () => {
    await fuzz(
      fc.asyncProperty(fc.array(clientFrame, { minLength: 1, maxLength: 8 }), async (messages) => {
        const client = await openClient();
        for (const message of messages) {
          client.socket.send(message, { binary: typeof message !== "string" });
        }
        const oversized = messages.findIndex((m) => byteLength(m) > MAX_MESSAGE_BYTES);
        const beyondHardLimit = messages.findIndex((m) => byteLength(m) > HARD_LIMIT_BYTES);
        if (beyondHardLimit >= 0) {
          // Past the socket layer's own limit the connection is cut at once without a word;
          // whatever was answered before that is still typed.
          await client.closed;
          expect(client.frames.length).toBeLessThanOrEqual(beyondHardLimit);
          client.frames.forEach((frame, i) => {
            expectTypedReply(frame, messages[i] as string);
          });
          return;
        }
        // An oversized message is answered, then closes its connection: nothing after it counts.
        const answered = oversized < 0 ? messages : messages.slice(0, oversized + 1);
        await waitFor(() => client.frames.length >= answered.length);
        // Nothing beyond one answer per message (pushes need a publisher; none runs here).
        await new Promise((r) => setTimeout(r, 5));
        expect(client.frames.length).toBe(answered.length);
        client.frames.forEach((frame, i) => {
          expectTypedReply(frame, answered[i] as string);
        });
        if (oversized >= 0) {
          expect(JSON.parse(client.frames[oversized] as string).code).toBe(
            StreamErrorCode.MESSAGE_TOO_LARGE,
          );
        }
        client.socket.close();
        await client.closed;
      }),
      300,
    );
    await expectGatewayServes();
  });

  it("answers a subscription only to the channels the protocol names", async () => {
    await fuzz(
      fc.asyncProperty(channelName, async (channel) => {
        const client = await openClient();
        client.socket.send(JSON.stringify({ op: "subscribe", channel }));
        await waitFor(() => client.frames.length === 1);
        const reply = JSON.parse(client.frames[0] as string);
        const valid = /^[A-Z0-9]{2,20}@(trades|ticker|markprice|kline_(1m|5m|15m|1h|4h|1d))$/.test(
          channel,
        );
        if (valid) expect(reply).toEqual({ result: true });
        else expect(reply.code, channel).toBeDefined();
        client.socket.close();
        await client.closed;
      }),
      400,
    );
  });

  it("closes only the connection of an oversized frame, and keeps serving", async () => {
    await fuzz(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: MAX_MESSAGE_BYTES + 1, max: MAX_MESSAGE_BYTES * 16 }),
          fc.constantFrom(MAX_MESSAGE_BYTES * 16 + 1, 1_048_576),
        ),
        fc.boolean(),
        async (size, binary) => {
          const client = await openClient();
          client.socket.send(binary ? new Uint8Array(size) : "x".repeat(size), { binary });
          const code = await client.closed;
          expect([1009, 1006]).toContain(code);
        },
      ),
      40,
    );
    await expectGatewayServes();
  });

  // Found by the fuzzer: the refusal of an oversized message overtook the answers to the
  // messages before it, and the close that followed dropped them.
  it("answers the messages before an oversized one, in order, before closing", async () => {
    const client = await openClient();
    client.socket.send(JSON.stringify({ op: "subscribe", channel: "BTCUSDT@trades" }));
    client.socket.send("x".repeat(MAX_MESSAGE_BYTES + 1));
    expect(await client.closed).toBe(1009);
    expect(client.frames.map((f) => JSON.parse(f))).toEqual([
      { result: true },
      {
        code: StreamErrorCode.MESSAGE_TOO_LARGE,
        msg: `Message exceeds ${MAX_MESSAGE_BYTES} bytes`,
      },
    ]);
  });

  // Found by the fuzzer: String(op) threw for an op object whose toString is not a function, and
  // the client never got an answer.
  it.each(['{"op":{"toString":1}}', '{"op":[{"toString":null}]}'])(
    "answers an unknown op %s instead of staying silent",
    (text) => {
      const parsed = parseClientMessage(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(JSON.parse(parsed.reply).code).toBe(StreamErrorCode.UNKNOWN_OP);
    },
  );
});

describe("mesh publish under generated requests", { timeout: fuzzTimeoutMs(120_000) }, () => {
  const body = fc.oneof(
    nearlyValidObject(
      ["c", "d"],
      fc.oneof(
        channelName,
        fc.constantFrom("7@balance", "9007199254740993@order", "0@order", "01@balance"),
        hostileJsonText(),
        deepJsonText(),
        fc.constant('{"x":1}'),
      ),
    ).map(stringifyWire),
    hostileString(),
    hugeString(),
    deepJsonText(),
  );
  const authorization = fc.oneof(
    fc.constant(`Bearer ${PUBLISH_TOKEN}`),
    fc.constant(undefined),
    fc.constantFrom("Bearer ", "bearer x", `Bearer ${PUBLISH_TOKEN} `, `Basic ${PUBLISH_TOKEN}`),
    fc.string({ unit: fc.constantFrom(..."Bearer xyz:\t"), maxLength: 40 }),
  );

  it("answers every publish with 2xx or 4xx, never a 500, and keeps serving", async () => {
    await fuzz(
      fc.asyncProperty(
        fc.constantFrom("POST", "GET", "PUT", "DELETE"),
        authorization,
        body,
        async (method, auth, text) => {
          const response = await fetch(`${httpUrl}${MESH_PUBLISH_PATH}`, {
            method,
            headers: auth === undefined ? {} : { authorization: auth },
            ...(method === "GET" ? {} : { body: text }),
          }).catch((error: Error) => error);
          // The gateway may cut off a body past its limit before reading it: that is a refusal too.
          if (response instanceof Error) return;
          expect(response.status, `${method} ${auth} ${text.slice(0, 200)}`).toBeLessThan(500);
          // HTTP strips the whitespace around a header's value, so the gateway sees it trimmed.
          if (response.status === 200) expect(auth?.trim()).toBe(`Bearer ${PUBLISH_TOKEN}`);
          await response.text();
        },
      ),
      600,
    );
    await expectGatewayServes();
  });
});
