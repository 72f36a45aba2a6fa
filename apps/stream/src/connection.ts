import { SESSION_ENDED_CLOSE_CODE, StreamErrorCode } from "@exchange/contracts/stream-errors";
import { type StreamTokenClaims, verifyStreamToken } from "@exchange/protocol";
import type { WebSocket } from "ws";
import { ChannelFeed } from "./channel-feed";
import { resolveChannel } from "./channels";
import type { FanOut } from "./fan-out";
import { type InitialStateReader, statefulTopic } from "./initial-state";
import { type OutboundFrame, rawSocketOf, writeCorked } from "./outbound-frame";
import { type ClientMessage, errorReply, OK_REPLY, parseClientMessage } from "./protocol";

export interface ConnectionLimits {
  maxSubscriptions: number;
  maxMessageBytes: number;
  maxMessagesPerSecond: number;
  /** Bytes waiting to be sent beyond which a client that does not read is cut off. */
  maxBufferedBytes: number;
}

export interface ConnectionDeps {
  fanOut: FanOut;
  initialState: InitialStateReader;
  limits: ConnectionLimits;
  tokenSecret: string;
  now: () => number;
  /** Whether a token's session has ended since the token was issued. */
  isRevoked: (claims: StreamTokenClaims) => boolean;
}

interface Subscription {
  busName: string;
  feed: ChannelFeed;
}

/**
 * One client's session: its authenticated user (if any), its subscriptions and its message
 * budget. Messages are handled one at a time, in order, so replies come back in the order of
 * the requests (a subscribe that waits for a snapshot delays what follows it). Errors are
 * answered and the connection lives on, except an oversized message, after which it is closed
 * (a client that sends those is broken or hostile).
 */
export class StreamConnection {
  private userId: number | undefined;
  /** The web session the latest token was issued to (absent in tokens minted outside one). */
  private sessionId: string | undefined;
  /** client channel name → its subscription */
  private readonly subscriptions = new Map<string, Subscription>();
  private windowStartMs = 0;
  private messagesInWindow = 0;
  private answeredLastPing = true;
  private handling: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly deps: ConnectionDeps,
  ) {}

  /** Who the connection is authenticated as, for session revocation. */
  get session(): { userId: number; sessionId: string | undefined } | undefined {
    return this.userId === undefined
      ? undefined
      : { userId: this.userId, sessionId: this.sessionId };
  }

  /**
   * The session ended on the server: say so, then close. Closing (rather than dropping the
   * private channels) is the one state a client cannot misread; it reconnects anonymously.
   */
  endSession(): void {
    this.send(errorReply(StreamErrorCode.SESSION_ENDED, "Your session has ended; log in again"));
    this.socket.close(SESSION_ENDED_CLOSE_CODE, "session ended");
  }

  /** Bytes written to this client and not yet sent: its send queue. */
  get bufferedBytes(): number {
    return this.socket.bufferedAmount;
  }

  /** A reply or an initial state. */
  send(text: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(text, { binary: false });
  }

  /** A push, framed once for all its subscribers. */
  sendFrame(frame: OutboundFrame): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    const raw = rawSocketOf(this.socket);
    if (raw) writeCorked(raw, frame.wire);
    else this.socket.send(frame.payload, { binary: false });
    // A client that does not read would otherwise hold ever more memory of this gateway.
    if (this.socket.bufferedAmount > this.deps.limits.maxBufferedBytes) this.socket.terminate();
  }

  /** Checks size and rate at once; queues the message behind those still being handled. */
  receive(data: Buffer, isBinary: boolean): Promise<void> {
    // The refusal of an oversized message waits its turn like any answer: sent at once, it
    // overtook the answers to earlier messages, which the close then dropped.
    const task =
      data.byteLength > this.deps.limits.maxMessageBytes
        ? this.handling.then(() => this.refuseOversized())
        : this.overBudget()
          ? this.handling.then(() =>
              this.send(errorReply(StreamErrorCode.RATE_LIMITED, "Too many messages; slow down")),
            )
          : this.handling.then(() => this.handleRaw(data, isBinary));
    // A failure (Redis unreachable) is the caller's to log; the next message is still handled.
    this.handling = task.catch(() => {});
    return task;
  }

  private refuseOversized(): void {
    this.send(
      errorReply(
        StreamErrorCode.MESSAGE_TOO_LARGE,
        `Message exceeds ${this.deps.limits.maxMessageBytes} bytes`,
      ),
    );
    this.socket.close(1009, "message too large");
  }

  /** Pings the client; one that never answered the previous ping is cut off. */
  heartbeat(): void {
    if (!this.answeredLastPing) {
      this.socket.terminate();
      return;
    }
    this.answeredLastPing = false;
    this.socket.ping();
  }

  markAlive(): void {
    this.answeredLastPing = true;
  }

  /** Drops every subscription; call when the socket closes. */
  async close(): Promise<void> {
    this.closed = true;
    // Let a subscribe in progress finish registering, so that its feed is removed too.
    await this.handling;
    const subscriptions = [...this.subscriptions.values()];
    this.subscriptions.clear();
    await Promise.all(subscriptions.map((s) => this.deps.fanOut.remove(s.busName, s.feed)));
  }

  private async handleRaw(data: Buffer, isBinary: boolean): Promise<void> {
    if (this.closed) return;
    if (isBinary) {
      this.send(errorReply(StreamErrorCode.MALFORMED_MESSAGE, "Binary frames are not supported"));
      return;
    }
    const parsed = parseClientMessage(data.toString("utf8"));
    if (!parsed.ok) {
      this.send(parsed.reply);
      return;
    }
    await this.handle(parsed.message);
  }

  private async handle(message: ClientMessage): Promise<void> {
    switch (message.op) {
      case "auth":
        this.send(this.authenticate(message.token));
        return;
      case "subscribe":
        await this.subscribe(message.channel);
        return;
      case "unsubscribe":
        this.send(await this.unsubscribe(message.channel));
        return;
    }
  }

  private authenticate(token: string): string {
    const claims = verifyStreamToken(token, this.deps.tokenSecret, this.deps.now());
    if (!claims) return errorReply(StreamErrorCode.AUTH_FAILED, "Invalid or expired token");
    if (this.deps.isRevoked(claims)) {
      return errorReply(StreamErrorCode.AUTH_FAILED, "The session of this token has ended");
    }
    if (this.userId !== undefined && this.userId !== claims.userId) {
      return errorReply(StreamErrorCode.AUTH_FAILED, "Connection is authenticated as another user");
    }
    this.userId = claims.userId;
    this.sessionId = claims.sessionId;
    return OK_REPLY;
  }

  /**
   * Joins the fan-out with frames held back, reads the channel's initial state, then answers
   * `{"result":true}`, sends the state, and lets through only the held frames newer than it.
   */
  private async subscribe(channel: string): Promise<void> {
    if (this.subscriptions.has(channel)) {
      this.send(OK_REPLY);
      return;
    }
    const resolved = resolveChannel(channel, this.userId);
    if (!resolved.ok) {
      this.send(errorReply(resolved.code, resolved.msg));
      return;
    }
    if (this.subscriptions.size >= this.deps.limits.maxSubscriptions) {
      this.send(
        errorReply(
          StreamErrorCode.TOO_MANY_SUBSCRIPTIONS,
          `At most ${this.deps.limits.maxSubscriptions} subscriptions per connection`,
        ),
      );
      return;
    }
    const { busName } = resolved;
    const feed = new ChannelFeed(this);
    const topic = statefulTopic(busName);
    if (topic) feed.hold();
    this.subscriptions.set(channel, { busName, feed });
    const joined = await this.join(channel, busName, feed, topic).catch(() => {
      this.send(
        errorReply(
          StreamErrorCode.SERVICE_UNAVAILABLE,
          "The gateway cannot reach its message bus; try again shortly",
        ),
      );
      return false;
    });
    if (!joined) {
      this.subscriptions.delete(channel);
      await this.deps.fanOut.remove(busName, feed).catch(() => {});
    }
  }

  /**
   * Joins the fan-out; for a stateful channel reads the state; then answers `{"result":true}`,
   * sends the state and releases the feed. False (answered with the error) when there is no
   * state to start from.
   */
  private async join(
    channel: string,
    busName: string,
    feed: ChannelFeed,
    topic: ReturnType<typeof statefulTopic>,
  ): Promise<boolean> {
    await this.deps.fanOut.add(busName, channel, feed);
    if (!topic) {
      this.send(OK_REPLY);
      return true;
    }
    const state = await this.deps.initialState.read(busName, topic);
    if (!state) {
      this.send(
        errorReply(
          StreamErrorCode.SNAPSHOT_UNAVAILABLE,
          `No depth snapshot for ${channel}: unknown market, or market data is starting; retry shortly`,
        ),
      );
      return false;
    }
    this.send(OK_REPLY);
    if (state.frame) this.send(state.frame);
    feed.release(state.isNewer);
    return true;
  }

  private async unsubscribe(channel: string): Promise<string> {
    const subscription = this.subscriptions.get(channel);
    if (subscription === undefined) {
      const resolved = resolveChannel(channel, this.userId);
      // Unsubscribing from a valid channel one never joined is harmless: the outcome holds.
      return resolved.ok || resolved.code === StreamErrorCode.NOT_AUTHENTICATED
        ? OK_REPLY
        : errorReply(resolved.code, resolved.msg);
    }
    this.subscriptions.delete(channel);
    await this.deps.fanOut.remove(subscription.busName, subscription.feed);
    return OK_REPLY;
  }

  private overBudget(): boolean {
    const nowMs = this.deps.now();
    if (nowMs - this.windowStartMs >= 1_000) {
      this.windowStartMs = nowMs;
      this.messagesInWindow = 0;
    }
    this.messagesInWindow += 1;
    return this.messagesInWindow > this.deps.limits.maxMessagesPerSecond;
  }
}
