import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { readDepth } from "@exchange/domains/market-data/market-data-depth";
import type { Services } from "@exchange/domains/services";
import { clientAddress, type Logger } from "@exchange/protocol";
import { type WebSocket, WebSocketServer } from "ws";
import { BusFanOut } from "./bus-fan-out";
import { CancelOnDisconnect } from "./cancel-on-disconnect";
import { LISTEN_KEY_PATTERN, ListenKeys } from "./listen-keys";
import { MarketConnection, type TextSink } from "./market-connection";
import { MarketStreamHub } from "./market-stream-hub";
import { REQUEST_MAX_BYTES } from "./stream-requests";
import { listenKeyExpiredEvent } from "./user-events";
import { UserStreamFeed } from "./user-stream-feed";
import { WsApiSession } from "./ws-api-session";

export interface BinanceStreamsOptions {
  /** The gateway's HTTP server: its upgrade requests are ours. */
  server: Server;
  services: Services;
  log: Logger;
  trustedProxyHops: number;
  /** Binance pings every 20 s and drops a connection silent for a minute. */
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  /** How often a user data stream checks that its listenKey still lives. */
  listenKeyCheckMs?: number;
}

/** Levels a side read from the snapshot for the book streams (REST depth's most). */
const SNAPSHOT_LEVELS = 5_000;

/** What a connection is, for the gateway's metrics. */
export type StreamConnectionKind = "market" | "user" | "api";

/** The attached streams: their figures now (for /metrics) and their shutdown. */
export interface BinanceStreams {
  stats(): {
    connections: Record<StreamConnectionKind, number>;
    /** Bus channels this instance listens to in Redis. */
    busChannels: number;
    /** Market streams with at least one local subscriber. */
    marketStreams: number;
    /** Cancel-on-disconnect switches this instance has fired since it started. */
    switchesFired: number;
    /** Bytes written to the clients and not yet sent, summed over the connections. */
    sendQueueBytes: number;
  };
  close(): Promise<void>;
}

/** Something a socket's close must tear down. */
interface Session {
  receive(text: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Binance's WebSocket surfaces on the gateway's HTTP server: market streams (`/ws/<stream>`,
 * `/ws`, `/stream?streams=a/b`), user data streams (`/ws/<listenKey>`) and the WebSocket API
 * (`/ws-api/v3`). Stateless like the REST routes: pushes come from Redis pub/sub, listenKeys
 * and cancel-on-disconnect deadlines live in Redis.
 */
export function attachBinanceStreams(options: BinanceStreamsOptions): BinanceStreams {
  const { services, log } = options;
  const now = () => services.clock.now();
  const subscriber = services.redis.duplicate();
  const bus = new BusFanOut(subscriber, services.redisPrefix, log);
  const hub = new MarketStreamHub(bus, now, log, (symbol) =>
    readDepth(services, { symbol, limit: SNAPSHOT_LEVELS }),
  );
  const switches = new CancelOnDisconnect(services);
  const listenKeys = new ListenKeys(services.redis, services.redisPrefix);
  const wss = new WebSocketServer({ noServer: true, maxPayload: REQUEST_MAX_BYTES });
  const lastPongMs = new WeakMap<WebSocket, number>();
  /** Sessions still tearing down (a switch cancelling orders): shutdown waits for them. */
  const closing = new Set<Promise<void>>();
  switches.start();

  const connections: Record<StreamConnectionKind, number> = { market: 0, user: 0, api: 0 };
  const open = (ws: WebSocket, session: Session, kind: StreamConnectionKind) => {
    connections[kind] += 1;
    lastPongMs.set(ws, now());
    ws.on("pong", () => lastPongMs.set(ws, now()));
    // Messages are handled one after the other, so a SUBSCRIBE's answer never overtakes the
    // one before it.
    let queue = Promise.resolve();
    ws.on("message", (data, isBinary) => {
      const text = isBinary ? "" : data.toString();
      queue = queue
        .then(() => session.receive(text))
        .catch((error) => {
          log.warn("stream message failed", { error: String(error) });
        });
    });
    ws.on("close", () => {
      connections[kind] -= 1;
      const done = queue
        .then(() => session.close())
        .catch((error) => log.warn("stream close failed", { error: String(error) }));
      closing.add(done);
      void done.finally(() => closing.delete(done));
    });
  };

  const routes: Record<
    string,
    (ws: WebSocket, request: IncomingMessage, url: URL) => Promise<void>
  > = {
    market: async (ws, _request, url) => {
      const combined = url.pathname === "/stream";
      const names = combined
        ? (url.searchParams.get("streams") ?? "").split("/").filter(Boolean)
        : url.pathname.slice("/ws".length).split("/").filter(Boolean);
      const connection = new MarketConnection(hub, sinkOf(ws), combined, now);
      open(ws, connection, "market");
      await connection.open(names);
      // Closed while subscribing: its close ran before these subscriptions existed.
      if (ws.readyState !== ws.OPEN) await connection.close();
    },
    user: async (ws, _request, url) => {
      const listenKey = url.pathname.slice("/ws/".length);
      const userId = await listenKeys.userOf(listenKey);
      if (userId === undefined) {
        ws.close(1008, "Invalid listenKey");
        return;
      }
      const sink = sinkOf(ws);
      const send = (event: object) => sink.send(JSON.stringify(event));
      const feed = new UserStreamFeed(bus, userId, send, now);
      const check = setInterval(async () => {
        if ((await listenKeys.userOf(listenKey).catch(() => userId)) === userId) return;
        send(listenKeyExpiredEvent(listenKey, now()));
        ws.close(1000, "listenKey expired");
      }, options.listenKeyCheckMs ?? 30_000);
      check.unref();
      open(
        ws,
        {
          receive: async () => undefined,
          close: async () => {
            clearInterval(check);
            await feed.stop();
          },
        },
        "user",
      );
      await feed.start();
      if (ws.readyState !== ws.OPEN) await feed.stop();
    },
    api: async (ws, request) => {
      const session = new WsApiSession({
        services,
        bus,
        switches,
        sink: sinkOf(ws),
        clientIp: addressOf(request, options.trustedProxyHops),
      });
      open(ws, session, "api");
    },
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? "/", "http://gateway");
    const route = routeOf(url);
    if (!route) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      routes[route]?.(ws, request, url).catch((error) => {
        log.warn("stream connection failed", { error: String(error) });
        ws.close(1011, "Internal error");
      });
    });
  };
  options.server.on("upgrade", onUpgrade);

  const pongTimeoutMs = options.pongTimeoutMs ?? 60_000;
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (now() - (lastPongMs.get(ws) ?? 0) > pongTimeoutMs) ws.terminate();
      else ws.ping();
    }
  }, options.pingIntervalMs ?? 20_000);
  pinger.unref();

  return {
    stats: () => ({
      connections: { ...connections },
      busChannels: bus.channelCount,
      marketStreams: hub.streamCount,
      switchesFired: switches.firedCount,
      sendQueueBytes: [...wss.clients].reduce((bytes, ws) => bytes + ws.bufferedAmount, 0),
    }),
    close: async () => {
      options.server.off("upgrade", onUpgrade);
      clearInterval(pinger);
      switches.stop();
      hub.close();
      // Closing a session fires its switch, as any disconnect does: wait for those cancels.
      const closed = [...wss.clients].map((ws) => new Promise((r) => ws.once("close", r)));
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await Promise.all(closed);
      await Promise.all(closing);
      subscriber.disconnect();
    },
  };
}

function routeOf(url: URL): "market" | "user" | "api" | undefined {
  if (url.pathname === "/ws-api/v3") return "api";
  if (url.pathname === "/stream" || url.pathname === "/ws") return "market";
  if (!url.pathname.startsWith("/ws/")) return undefined;
  const rest = url.pathname.slice("/ws/".length);
  return LISTEN_KEY_PATTERN.test(rest) ? "user" : "market";
}

function sinkOf(ws: WebSocket): TextSink {
  return {
    send: (text) => {
      if (ws.readyState === ws.OPEN) ws.send(text);
    },
    close: (code, reason) => ws.close(code, reason),
  };
}

function addressOf(request: IncomingMessage, trustedProxyHops: number): string | undefined {
  const forwarded = request.headers["x-forwarded-for"];
  return (
    clientAddress({
      forwardedFor: Array.isArray(forwarded) ? forwarded.join(", ") : forwarded,
      socketAddress: request.socket.remoteAddress,
      trustedProxyHops,
    }) ?? undefined
  );
}
