/**
 * A small, typed, reconnecting client of the exchange's WebSocket gateway (seed-001 protocol,
 * apps/stream): `{"op":"auth"|"subscribe"|"unsubscribe"}` out; `{"result":true}`,
 * `{"code":N,"msg"}` and `{"event":"<channel>","data":{…}}` in.
 *
 * - Subscriptions are reference-counted by channel and survive reconnects: every channel is
 *   subscribed again on each new connection, and `onReconnect` listeners hear about it so they
 *   can re-read what they may have missed.
 * - Private channels (`@order`, `@balance`, `@account`) wait for a successful `auth` with a
 *   fresh token fetched for each connection (tokens live a minute).
 * - The protocol's replies carry no request id, so operations go out one at a time and each
 *   reply answers the operation in flight.
 * - Heartbeats: the gateway pings at the WebSocket level, which browsers answer without telling
 *   the page. So the client watches the line itself: after `idleProbeMs` without a frame it
 *   sends a harmless operation, and a connection that does not answer within `replyTimeoutMs`
 *   is dropped and replaced.
 */

import { channels } from "@exchange/contracts/channels";
import { StreamErrorCode } from "@exchange/contracts/stream-errors";

/** What the page shows about the live connection. */
export type StreamStatus =
  /** Opening the first connection. */
  | "connecting"
  /** Connected; public channels flow. */
  | "open"
  /** The connection dropped; a new one is being opened after a back-off. */
  | "reconnecting"
  /** Stopped by the page. */
  | "closed";

export interface StreamState {
  status: StreamStatus;
  /** The current connection passed `auth`; private channels flow. */
  authenticated: boolean;
  /** Connections opened so far (a change means a reconnect happened). */
  connections: number;
  /**
   * The current connection has delivered data (a snapshot or a push), not just opened: the
   * page says "Live" only from here on.
   */
  flowing: boolean;
}

/** The part of the browser's WebSocket this client uses (a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface StreamClientOptions {
  url: string;
  /** A fresh `auth` token for a new connection; absent or null for a visitor (public only). */
  fetchToken?: (() => Promise<string | null>) | undefined;
  createSocket?: (url: string) => SocketLike;
  /** First reconnect delay; doubles per failed attempt up to `reconnectMaxMs`, with jitter. */
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** Silence after which the client checks that the gateway still answers. */
  idleProbeMs?: number;
  /** How long an operation may wait for its reply before the connection is given up. */
  replyTimeoutMs?: number;
  random?: () => number;
}

export type StreamListener = (data: unknown) => void;

/** A gateway error reply, `{"code":N,"msg"}`. */
export interface StreamError {
  code: number;
  msg: string;
}

/**
 * A channel no market can have, used to probe a quiet connection: unsubscribing from a channel
 * one never joined is answered `{"result":true}` and changes nothing.
 */
const PROBE_CHANNEL = channels.ticker("HEARTBEAT");

const CONNECTING = 0;
const OPEN = 1;

type Operation =
  | { op: "auth"; token: string }
  | { op: "subscribe" | "unsubscribe"; channel: string };

interface Pending {
  operation: Operation;
  settle: (reply: true | StreamError) => void;
}

const isPrivate = (channel: string) => channel.startsWith("@");

/** Refusals that pass with time: the subscription is asked again (`subscribeLater`). */
const RETRIED_REFUSALS: ReadonlySet<number> = new Set([
  StreamErrorCode.RATE_LIMITED,
  StreamErrorCode.SNAPSHOT_UNAVAILABLE,
  StreamErrorCode.SERVICE_UNAVAILABLE,
]);
const SUBSCRIBE_RETRY_FIRST_MS = 1_000;
const SUBSCRIBE_RETRY_MAX_MS = 30_000;

export class StreamClient {
  private readonly listeners = new Map<string, Set<StreamListener>>();
  private readonly stateListeners = new Set<(state: StreamState) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private state: StreamState = {
    status: "connecting",
    authenticated: false,
    connections: 0,
    flowing: false,
  };
  private socket: SocketLike | null = null;
  /** Channels subscribed on the current connection. */
  private readonly live = new Set<string>();
  private queue: Pending[] = [];
  private inFlight: Pending | null = null;
  private replyTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  /** Refusals in a row of each channel's subscription, for the back-off of the next try. */
  private readonly refusals = new Map<string, number>();
  private stopped = true;
  private readonly options: Required<Omit<StreamClientOptions, "fetchToken">> & {
    fetchToken: StreamClientOptions["fetchToken"];
  };

  constructor(options: StreamClientOptions) {
    this.options = {
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      reconnectBaseMs: 500,
      reconnectMaxMs: 15_000,
      idleProbeMs: 20_000,
      replyTimeoutMs: 10_000,
      random: Math.random,
      ...options,
      fetchToken: options.fetchToken,
    };
  }

  getState = (): StreamState => this.state;

  onState(listener: (state: StreamState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Called after every reconnect, once the subscriptions have been sent again. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.dropConnection();
    this.setState({ status: "closed", authenticated: false, flowing: false });
  }

  /** Listens to a channel; the returned function stops listening. */
  subscribe(channel: string, listener: StreamListener): () => void {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      this.sendSubscribe(channel);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(channel);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(channel);
      if (this.live.delete(channel)) this.enqueue({ op: "unsubscribe", channel });
    };
  }

  /**
   * Subscribes to a channel afresh, for a new snapshot (`@depth` after a sequence gap). The
   * listeners stay; only the gateway's subscription is renewed.
   */
  resubscribe(channel: string): void {
    if (!this.listeners.has(channel) || !this.live.has(channel)) return;
    this.live.delete(channel);
    this.enqueue({ op: "unsubscribe", channel });
    this.sendSubscribe(channel);
  }

  private connect(): void {
    if (this.stopped) return;
    const socket = this.options.createSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket === socket) this.opened();
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.received(event.data);
    };
    socket.onclose = () => {
      if (this.socket === socket) this.lost();
    };
    socket.onerror = () => {
      // A close follows every error; reconnecting is handled there.
    };
  }

  private opened(): void {
    const reconnected = this.state.connections > 0;
    this.setState({
      status: "open",
      authenticated: false,
      connections: this.state.connections + 1,
      flowing: false,
    });
    this.armIdleProbe();
    for (const channel of this.listeners.keys()) this.sendSubscribe(channel);
    void this.authenticate();
    if (reconnected) for (const listener of this.reconnectListeners) listener();
  }

  private async authenticate(): Promise<void> {
    const socket = this.socket;
    if (!this.options.fetchToken) return;
    let token: string | null;
    try {
      token = await this.options.fetchToken();
    } catch {
      // No token now (API unreachable, session gone): public channels still flow; the next
      // connection tries again.
      return;
    }
    if (!token || socket !== this.socket) return;
    const reply = await this.enqueue({ op: "auth", token });
    if (reply !== true || socket !== this.socket) return;
    this.setState({ authenticated: true });
    for (const channel of this.listeners.keys()) {
      if (isPrivate(channel)) this.sendSubscribe(channel);
    }
  }

  private sendSubscribe(channel: string): void {
    if (this.state.status !== "open" || this.live.has(channel)) return;
    if (isPrivate(channel) && !this.state.authenticated) return;
    this.live.add(channel);
    void this.enqueue({ op: "subscribe", channel }).then((reply) => {
      if (reply === true) {
        this.refusals.delete(channel);
        return;
      }
      this.live.delete(channel);
      if (RETRIED_REFUSALS.has(reply.code)) this.subscribeLater(channel);
    });
  }

  /**
   * A refusal the gateway says will pass (its rate limit; a book it has no snapshot of yet, as
   * for a market listed a moment ago; its bus out of reach): asked again after 1 s, then twice
   * as long each time up to `SUBSCRIBE_RETRY_MAX_MS`, so the page goes live without a reload.
   */
  private subscribeLater(channel: string): void {
    const refusals = (this.refusals.get(channel) ?? 0) + 1;
    this.refusals.set(channel, refusals);
    const delayMs = Math.min(
      SUBSCRIBE_RETRY_FIRST_MS * 2 ** (refusals - 1),
      SUBSCRIBE_RETRY_MAX_MS,
    );
    setTimeout(() => {
      if (this.listeners.has(channel)) this.sendSubscribe(channel);
    }, delayMs);
  }

  private enqueue(operation: Operation): Promise<true | StreamError> {
    return new Promise((settle) => {
      this.queue.push({ operation, settle });
      this.pump();
    });
  }

  /** Sends the next operation when none is waiting for its reply. */
  private pump(): void {
    const socket = this.socket;
    if (this.inFlight || !socket || socket.readyState !== OPEN) return;
    const next = this.queue.shift();
    if (!next) return;
    this.inFlight = next;
    socket.send(JSON.stringify(next.operation));
    this.replyTimer = setTimeout(() => {
      // The gateway stopped answering: this connection is dead even if the socket says open.
      socket.close(4000, "no reply");
      this.lost();
    }, this.options.replyTimeoutMs);
  }

  private received(raw: unknown): void {
    this.armIdleProbe();
    if (typeof raw !== "string") return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    if (typeof message !== "object" || message === null) return;
    const frame = message as { event?: unknown; data?: unknown; result?: unknown };
    if (typeof frame.event === "string") {
      if (!this.state.flowing) this.setState({ flowing: true });
      for (const listener of this.listeners.get(frame.event) ?? []) listener(frame.data);
      return;
    }
    const reply = "result" in frame ? true : toStreamError(message);
    if (reply === null) return;
    // The gateway answers: this connection works, so the next drop starts the back-off afresh.
    this.attempt = 0;
    const answered = this.inFlight;
    clearTimeout(this.replyTimer);
    this.inFlight = null;
    answered?.settle(reply);
    this.pump();
  }

  /** The connection is gone (closed, failed, or silent): start over after a back-off. */
  private lost(): void {
    if (!this.socket) return;
    this.dropConnection();
    if (this.stopped) return;
    this.setState({ status: "reconnecting", authenticated: false, flowing: false });
    const ceiling = Math.min(
      this.options.reconnectMaxMs,
      this.options.reconnectBaseMs * 2 ** this.attempt,
    );
    this.attempt += 1;
    // Full jitter between half and all of the ceiling, so a gateway restart is not stampeded.
    const delayMs = ceiling * (0.5 + this.options.random() / 2);
    this.reconnectTimer = setTimeout(() => this.connect(), delayMs);
  }

  /** Reconnects at once if a back-off is pending (the browser just came back online). */
  reconnectNow(): void {
    if (this.stopped || this.socket) return;
    clearTimeout(this.reconnectTimer);
    this.connect();
  }

  private dropConnection(): void {
    const socket = this.socket;
    this.socket = null;
    clearTimeout(this.replyTimer);
    clearTimeout(this.idleTimer);
    this.live.clear();
    const waiting = [...(this.inFlight ? [this.inFlight] : []), ...this.queue];
    this.inFlight = null;
    this.queue = [];
    for (const pending of waiting) pending.settle({ code: -1, msg: "connection lost" });
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    if (socket.readyState === CONNECTING) {
      // Closing a socket mid-handshake makes the browser warn "WebSocket is closed before the
      // connection is established" (a page left, or a component mounted twice, at once): let
      // the handshake finish, then close it quietly. A failed handshake closes by itself.
      socket.onopen = () => socket.close(1000, "client gone");
    } else if (socket.readyState === OPEN) {
      socket.close(1000, "client reconnecting");
    }
  }

  private armIdleProbe(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      void this.enqueue({ op: "unsubscribe", channel: PROBE_CHANNEL });
    }, this.options.idleProbeMs);
  }

  private setState(change: Partial<StreamState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.stateListeners) listener(this.state);
  }
}

function toStreamError(message: object): StreamError | null {
  const { code, msg } = message as { code?: unknown; msg?: unknown };
  return typeof code === "number" ? { code, msg: typeof msg === "string" ? msg : "" } : null;
}
