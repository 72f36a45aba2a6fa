import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Logger } from "@exchange/protocol";
import { processMetrics } from "@exchange/protocol/metrics";
import type { Redis } from "ioredis";
import { WebSocketServer } from "ws";
import { Admission, refusalResponse } from "./admission";
import { StreamConnection } from "./connection";
import type { StreamEnv } from "./env";
import { FanOut } from "./fan-out";
import { InitialStateReader } from "./initial-state";
import { createMeshPublishHandler, MESH_PUBLISH_PATH } from "./mesh-publish";
import { SessionRevocations } from "./session-revocations";

export const STREAM_PATH = "/exchange-stream";

/** Frames above this are refused by the socket layer itself; smaller oversize gets a reply. */
const HARD_PAYLOAD_FACTOR = 16;

export interface StreamServer {
  http: Server;
  fanOut: FanOut;
  /** Settles once the gateway listens for session revocations. */
  revocationsReady: Promise<void>;
  connectionCount(): number;
  close(): Promise<void>;
}

export interface StreamServerDeps {
  env: StreamEnv;
  /** A Redis connection dedicated to SUBSCRIBE (a subscribed connection can do nothing else). */
  subscriberRedis: Redis;
  /** A Redis connection for everything else: snapshot reads and the publish endpoint. */
  redis: Redis;
  log: Logger;
}

export function createStreamServer({
  env,
  subscriberRedis,
  redis,
  log,
}: StreamServerDeps): StreamServer {
  const fanOut = new FanOut(subscriberRedis, env.REDIS_PREFIX, log);
  const initialState = new InitialStateReader(redis, env.REDIS_PREFIX);
  const publish = createMeshPublishHandler({
    token: env.STREAM_PUBLISH_TOKEN,
    maxBodyBytes: env.STREAM_PUBLISH_MAX_BYTES,
    redis,
    prefix: env.REDIS_PREFIX,
    log,
  });
  const connections = new Set<StreamConnection>();
  const admission = new Admission(env);
  const revocations = new SessionRevocations(subscriberRedis, env.REDIS_PREFIX, connections, log);
  const revocationsReady = revocations.start();
  revocationsReady.catch((error) => log.error("session revocation subscribe failed", { error }));
  const wss = new WebSocketServer({
    noServer: true,
    // Pushes are framed once and written to every subscriber as the same bytes
    // (outbound-frame.ts); compression would make them per connection.
    perMessageDeflate: false,
    maxPayload: env.STREAM_MAX_MESSAGE_BYTES * HARD_PAYLOAD_FACTOR,
  });

  const http = createServer((req, res) => {
    if (req.url === "/health") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, connections: connections.size }));
      return;
    }
    if (req.url === MESH_PUBLISH_PATH) {
      publish(req, res).catch((error) => {
        log.error("publish failed", { error });
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404).end();
  });

  http.on("upgrade", (req: IncomingMessage, socket, head) => {
    if (new URL(req.url ?? "/", "http://gateway").pathname !== STREAM_PATH) {
      socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
      return;
    }
    const address = admission.addressOf(req);
    const refusal = admission.admit(req, address);
    if (refusal) {
      log.debug("connection refused", {
        address,
        status: refusal.status,
        origin: req.headers.origin,
      });
      socket.end(refusalResponse(refusal));
      return;
    }
    // A handshake that never completes (bad key, socket gone) must not hold the address's slot.
    let upgraded = false;
    socket.once("close", () => {
      if (!upgraded) admission.release(address);
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      upgraded = true;
      const connection = new StreamConnection(ws, {
        fanOut,
        initialState,
        tokenSecret: env.STREAM_TOKEN_SECRET,
        now: Date.now,
        isRevoked: (claims) => revocations.isRevoked(claims),
        limits: {
          maxSubscriptions: env.STREAM_MAX_SUBSCRIPTIONS,
          maxMessageBytes: env.STREAM_MAX_MESSAGE_BYTES,
          maxMessagesPerSecond: env.STREAM_MAX_MESSAGES_PER_SECOND,
          maxBufferedBytes: env.STREAM_MAX_BUFFERED_BYTES,
        },
      });
      connections.add(connection);
      ws.on("message", (data, isBinary) => {
        connection.receive(toBuffer(data), isBinary).catch((error) => {
          log.error("message handling failed", { error });
        });
      });
      ws.on("pong", () => connection.markAlive());
      ws.on("close", () => {
        admission.release(address);
        connections.delete(connection);
        connection.close().catch((error) => log.warn("unsubscribe on close failed", { error }));
      });
      ws.on("error", (error) => log.debug("socket error", { error }));
    });
  });

  watchConnections(connections);
  const heartbeat = setInterval(() => {
    for (const connection of connections) connection.heartbeat();
  }, env.STREAM_HEARTBEAT_MS);

  return {
    http,
    fanOut,
    revocationsReady,
    connectionCount: () => connections.size,
    async close() {
      clearInterval(heartbeat);
      for (const client of wss.clients) client.close(1001, "server shutting down");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

/**
 * The gateway's connections and their send queues, read at each scrape: a queue that grows is
 * a client (or the whole gateway) falling behind the pushes.
 */
function watchConnections(connections: ReadonlySet<StreamConnection>): void {
  const metrics = processMetrics();
  metrics.gauge({
    name: "stream_ws_connections",
    help: "Open WebSocket connections",
    collect(gauge) {
      gauge.set(connections.size);
    },
  });
  metrics.gauge({
    name: "stream_send_queue_bytes",
    help: "Bytes queued for clients and not yet sent, summed over the connections",
    collect(gauge) {
      let bytes = 0;
      for (const connection of connections) bytes += connection.bufferedBytes;
      gauge.set(bytes);
    },
  });
  metrics.gauge({
    name: "stream_send_queue_max_bytes",
    help: "The longest send queue of one connection, in bytes",
    collect(gauge) {
      let bytes = 0;
      for (const connection of connections) bytes = Math.max(bytes, connection.bufferedBytes);
      gauge.set(bytes);
    },
  });
}
