import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createLogger } from "@exchange/protocol";
import { runVar } from "@exchange/protocol/testing";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { parseStreamEnv, type StreamEnv } from "./env";
import { createStreamServer, STREAM_PATH, type StreamServer } from "./server";

const WEB_ORIGIN = "http://localhost:3000";
const baseEnv = parseStreamEnv({
  REDIS_URL: runVar("REDIS_URL"),
  REDIS_PREFIX: `${runVar("REDIS_PREFIX")}admission:`,
  STREAM_TOKEN_SECRET: "admission-test-secret",
  STREAM_ALLOWED_ORIGINS: `${WEB_ORIGIN}, https://exchange.example`,
});

const running: Array<{ server: StreamServer; redis: Redis[] }> = [];
afterEach(async () => {
  for (const { server, redis } of running.splice(0)) {
    await server.close();
    await Promise.all(redis.map((r) => r.quit()));
  }
});

/** A gateway on a free port under `limits`; answers its WebSocket URL. */
async function startGateway(limits: Partial<StreamEnv>): Promise<string> {
  const subscriberRedis = new Redis(baseEnv.REDIS_URL, { lazyConnect: true });
  await subscriberRedis.connect();
  const redis = new Redis(baseEnv.REDIS_URL);
  const env = { ...baseEnv, ...limits };
  const server = createStreamServer({
    env,
    subscriberRedis,
    redis,
    log: createLogger("t", "error"),
  });
  running.push({ server, redis: [subscriberRedis, redis] });
  server.http.listen(0, "127.0.0.1");
  await once(server.http, "listening");
  return `ws://127.0.0.1:${(server.http.address() as AddressInfo).port}${STREAM_PATH}`;
}

type Attempt = { opened: WebSocket } | { status: number; body: string };

/** Opens a connection, or reads the HTTP answer that refused it. */
function connect(url: string, headers: Record<string, string> = {}): Promise<Attempt> {
  const socket = new WebSocket(url, { headers });
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve({ opened: socket }));
    socket.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    socket.once("error", reject);
  });
}

function opened(attempt: Attempt): WebSocket {
  if (!("opened" in attempt)) throw new Error(`refused: ${attempt.status} ${attempt.body}`);
  return attempt.opened;
}

describe("who may connect to the gateway", () => {
  it("refuses a page of another site, so it cannot use a visitor's browser to subscribe", async () => {
    const url = await startGateway({});

    const foreign = await connect(url, { Origin: "https://evil.example" });
    expect(foreign).toEqual({
      status: 403,
      body: "Origin https://evil.example may not connect to this gateway.\n",
    });
    opened(await connect(url, { Origin: WEB_ORIGIN })).close();
    opened(await connect(url)).close();
  });

  it("refuses more connections from one address than its cap until one of them closes", async () => {
    const url = await startGateway({ STREAM_MAX_CONNECTIONS_PER_IP: 2 });
    const first = opened(await connect(url));
    opened(await connect(url));

    const third = await connect(url);
    expect(third).toEqual({
      status: 429,
      body: "At most 2 connections per address; close one first.\n",
    });
    first.close();
    await once(first, "close");
    await new Promise((resolve) => setTimeout(resolve, 50));
    opened(await connect(url)).close();
  });

  it("does not let a forged X-Forwarded-For escape the per-address cap when no proxy is trusted", async () => {
    const url = await startGateway({ STREAM_MAX_CONNECTIONS_PER_IP: 1 });
    opened(await connect(url, { "X-Forwarded-For": "203.0.113.1" }));

    const forged = await connect(url, { "X-Forwarded-For": "203.0.113.2" });
    expect(forged).toMatchObject({ status: 429 });
  });

  it("counts clients by the address the trusted proxy reports when there is one", async () => {
    const url = await startGateway({
      STREAM_MAX_CONNECTIONS_PER_IP: 1,
      TRUSTED_PROXY_HOPS: 1,
    });
    opened(await connect(url, { "X-Forwarded-For": "203.0.113.1" }));
    opened(await connect(url, { "X-Forwarded-For": "203.0.113.2" }));

    expect(await connect(url, { "X-Forwarded-For": "198.51.100.9, 203.0.113.1" })).toMatchObject({
      status: 429,
    });
  });

  it("refuses connections beyond the instance's total with 503", async () => {
    const url = await startGateway({ STREAM_MAX_CONNECTIONS: 2, TRUSTED_PROXY_HOPS: 1 });
    opened(await connect(url, { "X-Forwarded-For": "203.0.113.1" }));
    opened(await connect(url, { "X-Forwarded-For": "203.0.113.2" }));

    expect(await connect(url, { "X-Forwarded-For": "203.0.113.3" })).toEqual({
      status: 503,
      body: "The gateway is at its connection limit; retry shortly.\n",
    });
  });
});
